// A searchable list, as the ARIA 1.2 combobox pattern has it (an editable combobox with a listbox popup and
// manual selection): typing filters the options (accents, case and punctuation ignored; every word typed must be
// found), ↓/↑ open the list and move through it, Home/End go to the first/last option while one is active,
// Enter chooses, Escape closes the list (and, when it is closed, clears the text). The active option is shown by
// aria-activedescendant (the focus stays in the text field), the chosen value goes into a hidden input of the
// form, and a polite status says how many options match.

import { el } from './forms.js';

/** Text as it is searched: no accents, lower case, punctuation as spaces. */
export function fold(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * input: the text field (role=combobox, aria-controls = the listbox); list: the listbox; hidden: where the chosen
 * value goes; status: the live region; options: [{ value, label, detail }].
 */
export function combobox({ input, list, hidden, status, options }) {
  const items = options.map((option, index) => ({
    ...option,
    id: `${list.id}-${index}`,
    text: option.detail ? `${option.label} (${option.detail})` : option.label,
    search: fold(`${option.label} ${option.detail ?? ''} ${option.value}`),
  }));
  let shown = [];
  let active = -1;

  const isOpen = () => input.getAttribute('aria-expanded') === 'true';

  function say(text) {
    status.textContent = text;
  }

  function render(matches) {
    shown = matches;
    list.replaceChildren(...matches.map((item) => {
      const option = el('li', { id: item.id, role: 'option', 'aria-selected': 'false' }, item.label);
      if (item.detail) {
        option.append(el('span', { className: 'visually-hidden', text: ', ' }), el('span', { className: 'option-detail', text: item.detail }));
      }

      option.addEventListener('click', () => choose(item));
      return option;
    }));
  }

  function open() {
    const words = fold(input.value).split(' ').filter(Boolean);
    render(items.filter((item) => words.every((word) => item.search.includes(word))));
    setActive(-1);
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    say(shown.length === 0
      ? 'Aucun établissement ne correspond.'
      : `${shown.length} établissement${shown.length > 1 ? 's' : ''} dans la liste.`);
  }

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  }

  function setActive(index) {
    list.querySelector('[aria-selected="true"]')?.setAttribute('aria-selected', 'false');
    active = index;
    if (index < 0 || index >= shown.length) {
      active = -1;
      input.removeAttribute('aria-activedescendant');
      return;
    }

    const option = document.getElementById(shown[index].id);
    option.setAttribute('aria-selected', 'true');
    option.scrollIntoView({ block: 'nearest' });
    input.setAttribute('aria-activedescendant', option.id);
  }

  function choose(item) {
    input.value = item.text;
    hidden.value = item.value;
    close();
    say(`Établissement choisi\u00a0: ${item.text}.`);
    input.focus();
  }

  /** Text typed that names exactly one option (its label, or its value such as a UAI) chooses it. */
  function chooseExact() {
    const typed = fold(input.value);
    const exact = items.filter((item) => [item.text, item.label, item.value].some((name) => fold(name) === typed));
    if (exact.length === 1) {
      hidden.value = exact[0].value;
      input.value = exact[0].text;
    }
  }

  input.addEventListener('input', () => {
    hidden.value = '';
    open();
  });

  input.addEventListener('keydown', (event) => {
    const count = shown.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!isOpen()) {
          open();
          if (!event.altKey) {
            setActive(0);
          }
        } else if (count > 0) {
          setActive(active < count - 1 ? active + 1 : 0);
        }

        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!isOpen()) {
          open();
          setActive(shown.length - 1);
        } else if (count > 0) {
          setActive(active > 0 ? active - 1 : count - 1);
        }

        break;
      case 'Home':
      case 'End':
        if (isOpen() && active >= 0 && count > 0) {
          event.preventDefault();
          setActive(event.key === 'Home' ? 0 : count - 1);
        }

        break;
      case 'Enter':
        if (isOpen() && active >= 0) {
          event.preventDefault();
          choose(shown[active]);
        } else if (isOpen()) {
          event.preventDefault();
          close();
          chooseExact();
        }

        break;
      case 'Escape':
        if (isOpen()) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = '';
          hidden.value = '';
          say('');
        }

        break;
      default:
        break;
    }
  });

  // A click on an option must not blur the field first.
  list.addEventListener('mousedown', (event) => event.preventDefault());
  input.addEventListener('blur', () => {
    if (isOpen()) {
      close();
    }

    if (!hidden.value) {
      chooseExact();
    }
  });

  return {
    select(value) {
      const item = items.find((candidate) => candidate.value === value);
      if (item) {
        input.value = item.text;
        hidden.value = item.value;
      }
    },
  };
}
