// Activation: identifier and code come from the URL fragment (QR code of the letter) or from Connexion
// (sessionStorage); the person chooses a password (live checklist of the server's rules), gives an e-mail,
// optionally a mobile, accepts the terms. POST /api/activation → Accueil; 400 → every error by its field.

import { ApiError, getJson, postJson } from './api.js';
import { el, initPasswordToggles, onSubmit, renderTerms, showProblem, takeFragment, valueOf } from './forms.js';
import { clearActivation, readActivation, saveActivation } from './handover.js';
import { attachChecklist } from './password-rules.js';

const form = document.getElementById('activation-form');
const credentials = document.getElementById('credentials');
const recap = document.getElementById('recap');

initPasswordToggles(form);
attachChecklist(document.getElementById('password'), document.getElementById('password-rules'));

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
}

// « Ce n'est pas mon compte »: back to Connexion, forgetting what was carried.
recap.querySelector('a').addEventListener('click', clearActivation);

function showCredentials() {
  credentials.hidden = false;
  recap.hidden = true;
}

loadTerms();

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
    return;
  }

  clearActivation();
  window.location.assign('/accueil');
});

async function loadTerms() {
  const container = document.getElementById('terms-content');
  try {
    const terms = await getJson('/api/terms');
    document.getElementById('terms-version').textContent = `(version ${terms.version})`;
    renderTerms(container, terms.content, 3, terms.title);
  } catch {
    container.replaceChildren(el('p', {}, 'Les conditions ne peuvent pas être affichées pour le moment. ',
      el('a', { href: '/cgu', target: '_blank', rel: 'noopener', text: 'Les ouvrir dans un nouvel onglet' })));
  }
}
