// Mot de passe oublié: POST /api/password-reset {identifier, channel} (always 202, same answer whatever the
// account). The channels offered come from GET /api/password-reset/channels; with the SMS channel the code
// received is typed here with the new password (POST /api/password-reset/confirm with the identifier).

import { getJson, postJson } from './api.js';
import { el, initPasswordToggles, notify, onSubmit, valueOf } from './forms.js';
import { attachChecklist } from './password-rules.js';

const notice = document.getElementById('notice');
const requestForm = document.getElementById('request-form');
const smsForm = document.getElementById('sms-form');
const smsCard = document.getElementById('sms-card');
let requestedIdentifier = '';

initPasswordToggles(document);
attachChecklist(document.getElementById('password'), document.getElementById('password-rules'));

getJson('/api/password-reset/channels').then((answer) => {
  const channels = answer?.channels ?? ['email'];
  document.getElementById('channels').hidden = !channels.includes('sms');
}, () => {
  // The e-mail channel stays the default.
});

onSubmit(requestForm, async () => {
  requestedIdentifier = valueOf(requestForm, 'identifier');
  const channel = valueOf(requestForm, 'channel') || 'email';
  const answer = await postJson('/api/password-reset', { identifier: requestedIdentifier, channel });
  const sent = answer?.message ?? 'Demande enregistrée. Si un compte correspond, un message vient d’être envoyé.';
  if (channel === 'sms') {
    notify(notice, 'success', sent, 'Saisissez ci-dessous le code reçu par SMS.');
    smsCard.hidden = false;
    document.getElementById('sms-title').focus();
    return;
  }

  notify(notice, 'success', sent,
    'Ouvrez le lien du message pour choisir un nouveau mot de passe. Pensez à regarder dans les courriers indésirables.');
  notice.focus();
});

onSubmit(smsForm, async () => {
  await postJson('/api/password-reset/confirm', {
    identifier: requestedIdentifier,
    token: valueOf(smsForm, 'token'),
    password: valueOf(smsForm, 'password'),
    passwordConfirmation: valueOf(smsForm, 'passwordConfirmation'),
  });
  smsCard.hidden = true;
  requestForm.closest('.card').hidden = true;
  notify(notice, 'success', el('p', {}, 'Votre mot de passe est changé. ', el('a', { href: '/', text: 'Se connecter' })));
  notice.focus();
});
