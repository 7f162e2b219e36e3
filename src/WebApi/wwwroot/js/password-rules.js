// The live checklist of the password rules. The rules, their words and their numbers come from the server
// (GET /api/password-policy): nothing of the rule is copied here. Only the rules that are trivially checkable
// are evaluated while typing, by their code; the others (common passwords, identifier, names) are shown as
// checked by the server when the form is sent, and the server's answer lists whatever is broken.

import { getJson } from './api.js';
import { el } from './forms.js';

/** Length counted like the server: in Unicode code points (an emoji is one character). */
const length = (value) => [...value].length;

const evaluators = {
  'password.too_short': (value, policy) => length(value) >= policy.minLength,
  'password.too_long': (value, policy) => length(value) <= policy.maxLength,
  'password.no_letter': (value) => /\p{L}/u.test(value),
  'password.no_digit': (value) => /\p{Nd}/u.test(value),
};

let policyPromise;

export function loadPolicy() {
  policyPromise ??= getJson('/api/password-policy');
  return policyPromise;
}

/**
 * Fills the list with the server's rules and keeps their state in step with the input.
 * Each item says its state in words too (not only by colour or symbol).
 */
export async function attachChecklist(input, list) {
  let policy;
  try {
    policy = await loadPolicy();
  } catch {
    list.replaceChildren(el('li', { className: 'rule-server', text: 'Les règles seront vérifiées à l’envoi du formulaire.' }));
    return;
  }

  const items = policy.rules.map((rule) => {
    const state = el('span', { className: 'visually-hidden' });
    const item = el('li', { 'data-rule': rule.code }, state, rule.label);
    const evaluate = evaluators[rule.code];
    if (!evaluate) {
      item.append(' ', el('span', { className: 'rule-note', text: '(vérifié à l’envoi)' }));
    }

    list.append(item);
    return { item, state, evaluate };
  });

  const update = () => {
    const value = input.value;
    for (const { item, state, evaluate } of items) {
      if (!evaluate) {
        item.className = 'rule-server';
        state.textContent = 'Vérifiée par le serveur : ';
        continue;
      }

      // An empty field breaks « at least 8 » but keeps « at most 128 »: each rule says what is true of the value.
      const ok = evaluate(value, policy);
      item.className = ok ? 'rule-ok' : 'rule-ko';
      item.dataset.state = ok ? 'ok' : 'ko';
      state.textContent = ok ? 'Règle respectée : ' : 'Règle pas encore respectée : ';
    }
  };

  input.addEventListener('input', update);
  update();
}
