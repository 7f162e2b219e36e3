// « Vouliez-vous dire …@gmail.com ? » under an e-mail address whose domain is one or two typing slips away from a
// common French provider (gmial.com, gmail.con, orange.fe…). One click (or Enter on the button) takes the
// suggestion; the address typed is never refused for it. Attached to every e-mail field of the page that loads
// this module; the suggestion is a polite live region tied to the field.

import { el } from './forms.js';

export const PROVIDERS = [
  'gmail.com', 'hotmail.fr', 'hotmail.com', 'outlook.fr', 'live.fr', 'yahoo.fr', 'orange.fr', 'wanadoo.fr',
  'free.fr', 'sfr.fr', 'neuf.fr', 'laposte.net', 'bbox.fr', 'icloud.com',
];

/** Edit distance counting a swap of two neighbours as one slip (optimal string alignment). */
export function distance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) {
    d[0][j] = j;
  }

  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }

  return d[a.length][b.length];
}

/** The address the person probably meant, or null (a known provider, or nothing close enough). */
export function suggest(address) {
  const at = address.lastIndexOf('@');
  if (at < 1 || at === address.length - 1) {
    return null;
  }

  const local = address.slice(0, at);
  const domain = address.slice(at + 1).toLowerCase();
  if (PROVIDERS.includes(domain)) {
    return null;
  }

  // One slip for any domain; two only for a long one, so that a short real domain is left alone.
  const allowed = domain.length >= 8 ? 2 : 1;
  let best = null;
  let bestDistance = allowed + 1;
  for (const provider of PROVIDERS) {
    const d = distance(domain, provider);
    if (d < bestDistance) {
      best = provider;
      bestDistance = d;
    }
  }

  return best ? `${local}@${best}` : null;
}

function attach(input) {
  const region = el('p', { className: 'email-suggestion', id: `${input.id}-suggestion`, 'aria-live': 'polite' });
  input.after(region);
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  input.setAttribute('aria-describedby', [...ids, region.id].join(' '));

  const check = () => {
    const proposal = suggest(input.value.trim());
    if (!proposal) {
      region.replaceChildren();
      return;
    }

    const accept = el('button', { type: 'button', className: 'link-button', text: proposal });
    accept.addEventListener('click', () => {
      input.value = proposal;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      region.replaceChildren();
      input.focus();
    });
    region.replaceChildren('Vouliez-vous dire ', accept, '\u00a0?');
  };

  input.addEventListener('change', check);
  input.addEventListener('input', () => {
    if (region.firstChild && !suggest(input.value.trim())) {
      region.replaceChildren();
    }
  });
}

for (const input of document.querySelectorAll('input[type="email"]')) {
  attach(input);
}
