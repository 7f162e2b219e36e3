// Connexion: identifier + password (or the activation code of the paper letter).
// POST /api/auth/sign-in → "signedIn": to Accueil; "activationRequired": identifier and code go to Activation
// through sessionStorage (never in the address); 401: the generic message, in the summary at the top.

import { currentAccount, postJson } from './api.js';
import { initPasswordToggles, onSubmit, valueOf } from './forms.js';
import { saveActivation } from './handover.js';

const form = document.getElementById('signin-form');
initPasswordToggles(form);

onSubmit(form, async () => {
  const identifier = valueOf(form, 'identifier');
  const password = valueOf(form, 'password');
  const rememberMe = valueOf(form, 'rememberMe');
  const result = await postJson('/api/auth/sign-in', { identifier, password, rememberMe });
  if (result?.outcome === 'activationRequired') {
    saveActivation({ identifier: result.identifier ?? identifier, code: password, rememberMe });
    window.location.assign('/activation');
    return;
  }

  window.location.assign('/accueil');
});

// A person who is still signed in (« Se souvenir de moi ») goes straight to their space.
currentAccount().then((account) => {
  if (account) {
    window.location.replace('/accueil');
  }
}, () => {
  // The service is unreachable: the form stays, and says so when it is sent.
});
