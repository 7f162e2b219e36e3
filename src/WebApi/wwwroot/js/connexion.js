// Connexion: identifier + password (or the activation code of the paper letter).
// POST /api/auth/sign-in → "signedIn": to Accueil; "activationRequired": identifier and code go to Activation
// through sessionStorage (never in the address); 401: the one generic message, in the summary at the top, with
// the hints everyone gets under it (sign-in-help.js). A person still signed in never sees this page: the server
// sends them to Accueil (no probe of /api/account here, so no 401 in the console).

import { ApiError, postJson } from './api.js';
import { initPasswordToggles, onSubmit, showProblem, valueOf } from './forms.js';
import { saveActivation } from './handover.js';
import { appendSignInHelp, attachIdentifierHint } from './sign-in-help.js';

const form = document.getElementById('signin-form');
initPasswordToggles(form);
attachIdentifierHint(document.getElementById('identifier'));

onSubmit(form, async () => {
  const identifier = valueOf(form, 'identifier');
  const password = valueOf(form, 'password');
  const rememberMe = valueOf(form, 'rememberMe');
  let result;
  try {
    result = await postJson('/api/auth/sign-in', { identifier, password, rememberMe });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      showProblem(form, error);
      appendSignInHelp(form);
      return;
    }

    throw error;
  }

  if (result?.outcome === 'activationRequired') {
    saveActivation({ identifier: result.identifier ?? identifier, code: password, rememberMe, verified: true });
    window.location.assign('/activation');
    return;
  }

  window.location.assign('/accueil');
});
