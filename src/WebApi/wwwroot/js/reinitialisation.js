// Réinitialisation: the e-mail's link is /reinitialisation#token=…; the token is read from the fragment (never
// sent in an address) and the fragment is removed. POST /api/password-reset/confirm {token, password,
// passwordConfirmation} → 204: the person signs in with the new password (no automatic sign-in).

import { postJson } from './api.js';
import { el, initPasswordToggles, notify, onSubmit, takeFragment, valueOf } from './forms.js';
import { attachChecklist } from './password-rules.js';

const notice = document.getElementById('notice');
const form = document.getElementById('reset-form');
const card = document.getElementById('reset-card');
const token = takeFragment().get('token');

initPasswordToggles(form);
attachChecklist(document.getElementById('password'), document.getElementById('password-rules'));

if (!token) {
  card.hidden = true;
  notify(notice, 'error', el('p', {}, 'Ce lien est incomplet. Ouvrez le lien reçu par e-mail tel quel, ou ',
    el('a', { href: '/mot-de-passe-oublie', text: 'faites une nouvelle demande' }), '.'));
}

onSubmit(form, async () => {
  await postJson('/api/password-reset/confirm', {
    token,
    password: valueOf(form, 'password'),
    passwordConfirmation: valueOf(form, 'passwordConfirmation'),
  });
  card.hidden = true;
  notify(notice, 'success', el('p', {}, 'Votre mot de passe est changé. Toutes vos sessions ont été fermées. ',
    el('a', { href: '/', text: 'Se connecter avec le nouveau mot de passe' })));
  notice.focus();
});
