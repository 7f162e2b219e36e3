// Identifiant oublié: POST /api/identifier-reminder {email} (always 202, same answer whatever the address).

import { postJson } from './api.js';
import { notify, onSubmit, valueOf } from './forms.js';

const notice = document.getElementById('notice');
const form = document.getElementById('reminder-form');

onSubmit(form, async () => {
  const answer = await postJson('/api/identifier-reminder', { email: valueOf(form, 'email') });
  notify(notice, 'success', answer?.message ?? 'Demande enregistrée. Si un compte correspond, un message vient d’être envoyé.',
    'Pensez à regarder dans les courriers indésirables.');
  notice.focus();
});
