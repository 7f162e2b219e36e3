// Activation: identifier and code come from the URL fragment (QR code of the letter) or from Connexion
// (sessionStorage); the person chooses a password (live checklist of the server's rules), gives an e-mail,
// optionally a mobile, accepts the terms (rendered in the page by the server). POST /api/activation → Accueil,
// which then says once that the account is active; 400 → every error by its field.
//
// A pair that Connexion has not just checked (the QR code of a letter, a reloaded tab) is checked first, the way
// Connexion does (POST /api/auth/sign-in answers "activationRequired" for a live code), so that a dead code is
// said before the person fills the form, with the same hints as a refused sign-in.

import { ApiError, postJson } from './api.js';
import { el, initPasswordToggles, notify, onSubmit, showProblem, takeFragment, valueOf } from './forms.js';
import { clearActivation, markActivated, readActivation, saveActivation } from './handover.js';
import { attachChecklist } from './password-rules.js';
import { appendSignInHelp, attachIdentifierHint, signInHelp } from './sign-in-help.js';

const form = document.getElementById('activation-form');
const credentials = document.getElementById('credentials');
const recap = document.getElementById('recap');
const notice = document.getElementById('notice');

initPasswordToggles(form);
attachChecklist(document.getElementById('password'), document.getElementById('password-rules'));
attachIdentifierHint(document.getElementById('identifier'));

// The QR code opens /activation#identifier=…&code=…: the values are kept for this tab and the address is cleaned.
const fragment = takeFragment();
if (fragment.get('identifier') && fragment.get('code')) {
  saveActivation({ identifier: fragment.get('identifier'), code: fragment.get('code'), rememberMe: false });
}

const carried = readActivation();
if (carried?.identifier && carried?.code) {
  form.elements.identifier.value = carried.identifier;
  form.elements.activationCode.value = carried.code;
  form.elements.rememberMe.checked = Boolean(carried.rememberMe);
  document.getElementById('recap-identifier').textContent = carried.identifier;
  recap.hidden = false;
  credentials.hidden = true;
  if (!carried.verified) {
    checkCarried(carried);
  }
}

// « Ce n'est pas mon compte »: back to Connexion, forgetting what was carried.
recap.querySelector('a').addEventListener('click', clearActivation);

function showCredentials() {
  credentials.hidden = false;
  recap.hidden = true;
}

async function checkCarried({ identifier, code, rememberMe }) {
  let result;
  try {
    result = await postJson('/api/auth/sign-in', { identifier, password: code, rememberMe: false });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      showCredentials();
      notify(notice, 'error',
        el('p', {}, el('strong', { text: 'Ce code d’activation ne fonctionne pas.' })),
        'Il a peut-être déjà servi, il a expiré, ou il ne correspond pas à cet identifiant. Vérifiez-les ci-dessous, ou\u00a0:',
        signInHelp());
      notice.focus();
    }

    // Anything else (the service out of reach): the form stays, and says so when it is sent.
    return;
  }

  if (result?.outcome === 'activationRequired') {
    saveActivation({ identifier, code, rememberMe, verified: true });
  } else if (result?.outcome === 'signedIn') {
    // The letter's "code" was in fact this account's password: the person is signed in.
    clearActivation();
    window.location.assign('/accueil');
  }
}

onSubmit(form, async () => {
  const body = {
    identifier: valueOf(form, 'identifier'),
    activationCode: valueOf(form, 'activationCode'),
    password: valueOf(form, 'password'),
    passwordConfirmation: valueOf(form, 'passwordConfirmation'),
    email: valueOf(form, 'email'),
    mobilePhone: valueOf(form, 'mobilePhone') || null,
    acceptTerms: valueOf(form, 'acceptTerms'),
    rememberMe: valueOf(form, 'rememberMe'),
  };
  try {
    await postJson('/api/activation', body);
  } catch (error) {
    // Identifier and code are shown again when the service refuses them (401) or finds them malformed.
    if (error instanceof ApiError && (error.status === 401 || 'identifier' in error.fieldErrors || 'activationCode' in error.fieldErrors)) {
      showCredentials();
    }

    showProblem(form, error);
    if (error instanceof ApiError && error.status === 401) {
      appendSignInHelp(form);
    }

    return;
  }

  clearActivation();
  markActivated();
  window.location.assign('/accueil');
});
