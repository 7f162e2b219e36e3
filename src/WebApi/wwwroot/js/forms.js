// Form helpers shared by every page: errors shown next to their fields (tied with aria-describedby) and listed
// in a summary at the top of the form that takes the focus; show/hide buttons of password fields; messages.
// Everything is built with DOM calls and textContent: no HTML strings, no style attributes (strict CSP).

import { ApiError } from './api.js';

const pageTitle = document.title;

/** Creates an element with attributes (strings) and children (nodes or strings). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }

    if (name === 'className') {
      element.className = value;
    } else if (name === 'text') {
      element.textContent = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }

  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }

  return element;
}

/** The value of a form control by name (text fields trimmed, password fields as typed, checkboxes as booleans). */
export function valueOf(form, name) {
  const control = form.elements.namedItem(name);
  if (!control) {
    return undefined;
  }

  if (control instanceof RadioNodeList) {
    return control.value;
  }

  if (control.type === 'checkbox') {
    return control.checked;
  }

  if (control.type === 'password' || control.dataset.password === 'true') {
    return control.value;
  }

  return control.value.trim();
}

/** The wrapper of a field by its API name (data-field), inside the form. */
function wrapperOf(form, key) {
  return form.querySelector(`[data-field="${CSS.escape(key)}"]`);
}

/** The control that receives the focus and the error description. */
function controlOf(wrapper) {
  return wrapper.querySelector('input:not([type="hidden"]), select, textarea');
}

function describedBy(element) {
  return (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
}

function setDescribedBy(element, ids) {
  if (ids.length > 0) {
    element.setAttribute('aria-describedby', ids.join(' '));
  } else {
    element.removeAttribute('aria-describedby');
  }
}

/** Removes every error shown in the form (messages, states, summary) and restores the page title. */
export function clearErrors(form) {
  for (const message of form.querySelectorAll('.field-error')) {
    message.remove();
  }

  for (const element of form.querySelectorAll('[aria-invalid], fieldset[aria-describedby]')) {
    element.removeAttribute('aria-invalid');
    setDescribedBy(element, describedBy(element).filter((id) => !id.endsWith('-error')));
  }

  for (const wrapper of form.querySelectorAll('.has-error')) {
    wrapper.classList.remove('has-error');
  }

  const summary = form.querySelector('.error-summary');
  if (summary) {
    summary.hidden = true;
    summary.replaceChildren();
  }

  document.title = pageTitle;
}

function summaryOf(form) {
  let summary = form.querySelector('.error-summary');
  if (!summary) {
    summary = el('div', { className: 'error-summary', tabindex: '-1', hidden: true });
    form.prepend(summary);
  }

  return summary;
}

/**
 * Shows an error: each field's messages next to it (aria-invalid, aria-describedby), all of them listed in the
 * summary at the top of the form, which takes the focus. Messages for fields the form does not show (or a
 * problem without field errors, like a 401) appear in the summary only.
 */
export function showProblem(form, error) {
  clearErrors(form);
  const problem = error instanceof ApiError ? error : new ApiError(500);
  const items = [];
  for (const [key, messages] of Object.entries(problem.fieldErrors)) {
    const list = Array.isArray(messages) ? messages : [String(messages)];
    const wrapper = wrapperOf(form, key);
    const control = wrapper ? controlOf(wrapper) : null;
    if (!wrapper || !control || wrapper.closest('[hidden]')) {
      items.push(...list.map((text) => ({ text })));
      continue;
    }

    const errorId = `${control.id || key}-error`;
    const message = el('p', { className: 'field-error', id: errorId });
    list.forEach((text, index) => {
      if (index > 0) {
        message.append(el('br'));
      }

      message.append(el('span', { className: 'visually-hidden', text: 'Erreur : ' }), text);
    });
    placeError(wrapper, message);
    wrapper.classList.add('has-error');
    const described = wrapper.matches('fieldset') ? wrapper : control;
    setDescribedBy(described, [errorId, ...describedBy(described)]);
    for (const invalid of wrapper.matches('fieldset') ? wrapper.querySelectorAll('input') : [control]) {
      invalid.setAttribute('aria-invalid', 'true');
    }

    items.push(...list.map((text) => ({ text, target: control })));
  }

  const summary = summaryOf(form);
  const titleId = `${form.id || 'form'}-summary-title`;
  summary.setAttribute('aria-labelledby', titleId);
  const fieldCount = items.length;
  const heading = fieldCount > 0
    ? (fieldCount === 1 ? 'Une information est à corriger :' : `${fieldCount} informations sont à corriger :`)
    : (problem.problem.title || 'La demande n’a pas abouti.');
  summary.append(el('h2', { id: titleId, text: heading }));
  if (fieldCount === 0 && problem.problem.detail) {
    summary.append(el('p', { text: problem.problem.detail }));
  }

  if (fieldCount > 0) {
    const list = el('ul');
    for (const item of items) {
      if (item.target) {
        const link = el('a', { href: `#${item.target.id}`, text: item.text });
        link.addEventListener('click', (event) => {
          event.preventDefault();
          item.target.focus();
          item.target.scrollIntoView({ block: 'center' });
        });
        list.append(el('li', {}, link));
      } else {
        list.append(el('li', { text: item.text }));
      }
    }

    summary.append(list);
  }

  summary.hidden = false;
  document.title = `Erreur : ${pageTitle}`;
  summary.focus();
  summary.scrollIntoView({ block: 'start' });
}

function placeError(wrapper, message) {
  const before = [...wrapper.children].find((child) => child.matches('.control, input, select, textarea, .choice, .choices'));
  if (before) {
    before.before(message);
    return;
  }

  const legend = wrapper.querySelector(':scope > legend');
  if (legend) {
    legend.after(message);
  } else {
    wrapper.prepend(message);
  }
}

/**
 * Binds a form's submission to an async handler. While it runs the form ignores new submissions; an ApiError
 * (or any failure) is shown with showProblem. Password fields go back to masked on every submission.
 */
export function onSubmit(form, handler) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (form.dataset.busy === 'true') {
      return;
    }

    form.dataset.busy = 'true';
    form.setAttribute('aria-busy', 'true');
    maskPasswords(form);
    clearErrors(form);
    try {
      await handler(event);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        console.error(error);
      }

      showProblem(form, error);
    } finally {
      delete form.dataset.busy;
      form.removeAttribute('aria-busy');
    }
  });
}

let statusRegion;

/** A polite announcement for screen readers (e.g. "Le mot de passe est affiché."). */
export function announce(text) {
  if (!statusRegion) {
    statusRegion = el('div', { className: 'visually-hidden', 'aria-live': 'polite', role: 'status' });
    document.body.append(statusRegion);
  }

  statusRegion.textContent = '';
  window.setTimeout(() => {
    statusRegion.textContent = text;
  }, 50);
}

function setVisible(button, input, visible) {
  input.type = visible ? 'text' : 'password';
  const text = button.querySelector('.toggle-text');
  if (text) {
    text.textContent = visible ? 'Masquer' : 'Afficher';
  }
}

/** Every « Afficher / Masquer » button (class toggle-password, aria-controls = the password input's id). */
export function initPasswordToggles(root = document) {
  for (const button of root.querySelectorAll('button.toggle-password')) {
    const input = document.getElementById(button.getAttribute('aria-controls'));
    if (!input) {
      continue;
    }

    input.dataset.password = 'true';
    button.addEventListener('click', () => {
      const visible = input.type === 'password';
      setVisible(button, input, visible);
      announce(visible ? 'Le mot de passe est affiché.' : 'Le mot de passe est masqué.');
    });
  }
}

function maskPasswords(form) {
  for (const button of form.querySelectorAll('button.toggle-password')) {
    const input = document.getElementById(button.getAttribute('aria-controls'));
    if (input && input.type === 'text') {
      setVisible(button, input, false);
    }
  }
}

/** Shows a message in a notice region (aria-live in the page): kind is '', 'success' or 'error'. */
export function notify(region, kind, ...content) {
  region.className = kind ? `notice ${kind}` : 'notice';
  region.replaceChildren(...content.map((part) => (part instanceof Node ? part : el('p', { text: String(part) }))));
}

/**
 * Reads "a=1&b=2" from the URL fragment, then removes the fragment from the address bar and the history.
 * A new link pasted into the same tab only changes the fragment (no reload): the page then starts again with it.
 */
export function takeFragment() {
  window.addEventListener('hashchange', () => {
    if (window.location.hash.includes('=')) {
      window.location.reload();
    }
  });
  const raw = window.location.hash.replace(/^#/, '');
  if (!raw) {
    return new URLSearchParams();
  }

  const values = new URLSearchParams(raw);
  window.history.replaceState(null, '', window.location.pathname);
  return values;
}

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

export function formatDate(value) {
  return value ? dateFormat.format(new Date(value)) : '';
}

export function formatDateTime(value) {
  return value ? dateTimeFormat.format(new Date(value)) : '';
}

/** A French number stored as E.164 (+33612345678) shown as people write it (06 12 34 56 78). */
export function formatPhone(e164) {
  if (!e164) {
    return '';
  }

  const french = /^\+33(\d{9})$/.exec(e164);
  return french ? `0${french[1]}`.replace(/(\d{2})(?=\d)/g, '$1 ') : e164;
}

/** French names of the API's enumerations. */
export const labels = {
  profile: { Student: 'Élève', Parent: 'Responsable légal', Teacher: 'Enseignant', Staff: 'Personnel' },
  status: { Pending: 'En attente d’activation', Active: 'Actif', Blocked: 'Bloqué' },
  helpKind: { Activation: 'Activation du compte', LostPassword: 'Mot de passe ou identifiant perdu', Other: 'Autre demande' },
  helpStatus: { Open: 'Nouvelle', InProgress: 'En cours', Resolved: 'Résolue', Rejected: 'Refusée' },
};
