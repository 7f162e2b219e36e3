// Besoin d'aide: the help form. The establishments come from GET /api/establishments; POST /api/help-requests
// → 202 {reference}. The hidden field « website » is a honeypot: hidden from people and screen readers, out of
// the tab order; the service quietly drops a request that fills it.

import { getJson, postJson } from './api.js';
import { combobox } from './combobox.js';
import { el, notify, onSubmit, valueOf } from './forms.js';

const notice = document.getElementById('notice');
const form = document.getElementById('help-form');
const $ = (id) => document.getElementById(id);

// The school: a searchable list (combobox.js) of the public list of establishments, by name, city or UAI.
getJson('/api/establishments').then((establishments) => {
  const schools = combobox({
    input: $('uai-search'),
    list: $('uai-options'),
    hidden: $('uai'),
    status: $('uai-status'),
    options: (establishments ?? []).map((e) => ({ value: e.uai, label: e.name, detail: `${e.city} — ${e.uai}` })),
  });
  if ((establishments ?? []).length === 1) {
    schools.select(establishments[0].uai);
  }
}, () => notify(notice, 'error', 'La liste des établissements ne peut pas être chargée. Réessayez dans quelques instants.'));

onSubmit(form, async () => {
  const answer = await postJson('/api/help-requests', {
    firstName: valueOf(form, 'firstName'),
    lastName: valueOf(form, 'lastName'),
    email: valueOf(form, 'email') || null,
    phone: valueOf(form, 'phone') || null,
    uai: valueOf(form, 'uai') || null,
    kind: valueOf(form, 'kind') || null,
    studentName: valueOf(form, 'studentName') || null,
    className: valueOf(form, 'className') || null,
    message: valueOf(form, 'message'),
    website: form.elements.website.value,
  });
  document.getElementById('help-card').hidden = true;
  notify(notice, 'success',
    el('p', {}, 'Votre demande est enregistrée sous la référence ', el('strong', { className: 'reference', text: answer?.reference ?? '' }), '.'),
    'Notez cette référence. L’établissement vous répondra par e-mail ou par téléphone.');
  notice.focus();
});
