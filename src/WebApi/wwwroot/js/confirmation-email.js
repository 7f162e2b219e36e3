// Confirmation de l'adresse e-mail: the welcome e-mail's link is /confirmation-email#token=…; the person
// confirms with one click (a mail scanner opening the link confirms nothing). POST /api/email-confirmation.

import { postJson } from './api.js';
import { el, notify, onSubmit, takeFragment } from './forms.js';

const notice = document.getElementById('notice');
const form = document.getElementById('confirm-form');
const card = document.getElementById('confirm-card');
const token = takeFragment().get('token');

if (!token) {
  card.hidden = true;
  notify(notice, 'error', 'Ce lien est incomplet. Ouvrez le lien reçu par e-mail tel quel.');
}

onSubmit(form, async () => {
  await postJson('/api/email-confirmation', { token });
  card.hidden = true;
  notify(notice, 'success', el('p', {}, 'Votre adresse e-mail est confirmée. Merci. ', el('a', { href: '/accueil', text: 'Aller à mon espace' })));
  notice.focus();
});
