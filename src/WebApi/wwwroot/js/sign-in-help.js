// What a refused sign-in (or a dead activation code) cannot say, said to everyone alike: the answer stays one and
// the same for every cause (no account enumeration), and these hints sit under it. Their words and numbers are in
// the page (_aide-connexion.html, filled by the server from the lockout settings), in a <template>.
//
// Also the identifier's shape: « helene dupont » gets a hint before it is sent, since identifiers are prénom.nom.

import { el } from './forms.js';

/** A copy of the page's sign-in hints and links, to put under a refusal. */
export function signInHelp() {
  const template = document.getElementById('sign-in-help');
  return template ? template.content.firstElementChild.cloneNode(true) : el('div');
}

/** Adds the hints under the error summary of a form (after showProblem). */
export function appendSignInHelp(form) {
  form.querySelector('.error-summary')?.append(signInHelp());
}

/**
 * « L’identifiant s’écrit prénom.nom, avec un point » under an identifier typed without a dot: shown when the
 * field is left (or as soon as a space is typed), gone as soon as there is a dot. A polite live region tied to the
 * field by aria-describedby.
 */
export function attachIdentifierHint(input) {
  const hint = el('p', { className: 'hint identifier-hint', id: `${input.id}-dot`, 'aria-live': 'polite' });
  input.after(hint);
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  input.setAttribute('aria-describedby', [...ids, hint.id].join(' '));
  const check = (leaving) => {
    const value = input.value.trim();
    const wrong = value.length > 0 && !value.includes('.') && (leaving || /\s/.test(value));
    if (wrong) {
      hint.textContent = 'L’identifiant s’écrit prénom.nom, avec un point (par exemple\u00a0: helene.dupont).';
    } else if (!value || value.includes('.')) {
      hint.textContent = '';
    }
  };
  input.addEventListener('input', () => check(false));
  input.addEventListener('change', () => check(true));
  input.addEventListener('blur', () => check(true));
}
