// Administration, « Importer une liste »: the SIECLE and STS-Web exports (one to three XML files, or the zip that holds
// them), chosen with the file picker or dropped on its frame. A dry run first: the counts (created, updated, left,
// unchanged), the homonym warnings and the people; a refused upload lists every problem (file, element, line,
// reason). Then « Confirmer l’import » sends the same files for real and hands over the codes (PDF letters or CSV).
// See docs/PAGES.md.

import { ApiError, fetchFile, request } from './api.js';
import { clearErrors, el, labels, onSubmit, valueOf } from './forms.js';

const $ = (id) => document.getElementById(id);
const count = new Intl.NumberFormat('fr-FR');
const MaxFiles = 3;

/** What an import does to a person (the answer's `operation`), in French; a leaver is blocked once the import is confirmed. */
const operations = {
  created: 'Création',
  updated: 'Mise à jour',
  unchanged: 'Inchangé',
  left: 'Départ — sera bloqué',
};

/**
 * Wires the SIECLE area. base() gives the school's administration address; offerFile(file) hands over a file of
 * codes; done(message) tells the page the import went through.
 */
export function initSchoolExportImport({ base, offerFile, done }) {
  const form = $('siecle-form');
  const issueForm = $('siecle-issue-form');
  const input = $('siecle-files');
  const drop = $('siecle-drop');
  const state = { files: [], preview: null };

  function reset() {
    state.preview = null;
    $('siecle-preview').hidden = true;
    $('siecle-problems').hidden = true;
    $('siecle-rows').replaceChildren();
    $('siecle-leaver-rows').replaceChildren();
    $('siecle-problem-rows').replaceChildren();
    clearErrors(form);
    clearErrors(issueForm);
  }

  function choose(files) {
    state.files = [...files];
    reset();
    const names = state.files.map((f) => f.name).join(', ');
    $('siecle-chosen').textContent = state.files.length === 0
      ? ''
      : `${state.files.length} fichier${state.files.length > 1 ? 's' : ''} choisi${state.files.length > 1 ? 's' : ''} : ${names}.`;
  }

  input.addEventListener('change', () => choose(input.files));

  // Drag and drop: the dropped files become the picker's, so there is one list of files whichever way they came.
  const carriesFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  for (const type of ['dragenter', 'dragover']) {
    drop.addEventListener(type, (event) => {
      if (carriesFiles(event)) {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        drop.classList.add('dragging');
      }
    });
  }

  drop.addEventListener('dragleave', (event) => {
    if (!drop.contains(event.relatedTarget)) {
      drop.classList.remove('dragging');
    }
  });

  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('dragging');
    const files = event.dataTransfer?.files;
    if (!files || files.length === 0) {
      return;
    }

    try {
      input.files = files;
    } catch {
      // A browser that does not let a script set the picker's files: the list below is kept all the same.
    }

    choose(files);
  });

  // A file dropped beside the frame must not make the browser leave the page to open it.
  for (const type of ['dragover', 'drop']) {
    document.addEventListener(type, (event) => {
      if (carriesFiles(event) && !drop.contains(event.target)) {
        event.preventDefault();
        if (event.dataTransfer) {
          event.dataTransfer.dropEffect = 'none';
        }
      }
    });
  }

  function body() {
    const data = new FormData();
    for (const file of state.files) {
      data.append('files', file, file.name);
    }

    return data;
  }

  function checkChoice() {
    if (state.files.length === 0) {
      throw new ApiError(400, { errors: { fichiers: ['Choisissez ou déposez les fichiers XML (élèves, responsables, personnels) ou leur archive zip.'] } });
    }

    if (state.files.length > MaxFiles) {
      throw new ApiError(400, { errors: { fichiers: [`Trois fichiers au plus (élèves, responsables, personnels) : ${state.files.length} sont choisis.`] } });
    }
  }

  /** Sends the files; a 400 is shown as the list of its problems (and the form's summary says so), anything else by the form. */
  async function send(query, asFile) {
    const path = `${base()}/imports?source=siecle&${query}`;
    try {
      return asFile
        ? await fetchFile(path, { method: 'POST', body: body() })
        : await (await request(path, { method: 'POST', body: body() })).json();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && showProblems(error.problem)) {
        return null;
      }

      if (error instanceof ApiError && error.status === 413) {
        throw new ApiError(413, { title: 'Fichiers trop volumineux.', errors: { fichiers: ['Les fichiers dépassent la taille permise : déposez les exports tels que SIECLE et STS-Web les donnent.'] } });
      }

      throw error;
    }
  }

  onSubmit(form, async () => {
    reset();
    checkChoice();
    const preview = await send('dryRun=true&format=json', false);
    if (!preview) {
      return;
    }

    state.preview = preview;
    showPreview(preview);
  });

  onSubmit(issueForm, async () => {
    if (!state.preview) {
      throw new ApiError(400, { errors: { format: ['Vérifiez d’abord les fichiers.'] } });
    }

    const format = valueOf(issueForm, 'format') || 'pdf';
    const preview = state.preview;
    const file = await send(`format=${format}`, true);
    if (!file) {
      $('siecle-preview').hidden = true;
      return;
    }

    reset();
    form.reset();
    choose([]);
    offerFile(file);
    done(`Import terminé : ${summary(preview)}. Les codes des nouveaux comptes sont dans le fichier ${file.fileName}.`);
  });

  return { reset: () => { form.reset(); choose([]); } };
}

function summary(p) {
  return `${count.format(p.created ?? 0)} créé(s), ${count.format(p.updated ?? 0)} mis à jour, `
    + `${count.format(p.left ?? 0)} parti(s), ${count.format(p.unchanged ?? 0)} inchangé(s)`;
}

function showPreview(p) {
  $('siecle-created').textContent = count.format(p.created ?? 0);
  $('siecle-updated').textContent = count.format(p.updated ?? 0);
  $('siecle-left').textContent = count.format(p.left ?? 0);
  $('siecle-unchanged').textContent = count.format(p.unchanged ?? 0);
  $('siecle-preview-title').textContent = `Aperçu : ${summary(p)}. Rien n’est encore enregistré.`;

  showWarnings(p.warnings ?? [], 'siecle');

  // The people who stay (created, updated, unchanged), then apart the leavers, who will be blocked.
  const accounts = p.accounts ?? [];
  const staying = accounts.filter((a) => a.operation !== 'left');
  const leaving = accounts.filter((a) => a.operation === 'left');
  $('siecle-rows').replaceChildren(...staying.map((a) => personRow(a, true)));
  $('siecle-leaver-rows').replaceChildren(...leaving.map((a) => personRow(a, false)));
  $('siecle-leavers-title').textContent = leaving.length === 1
    ? 'Un départ : ce compte sera bloqué (« a quitté l’établissement ») et son code annulé'
    : `${count.format(leaving.length)} départs : ces comptes seront bloqués (« a quitté l’établissement ») et leurs codes annulés`;
  $('siecle-leavers').hidden = leaving.length === 0;
  // The family column only when the answer gives families (a staff file alone has none).
  $('siecle-people').classList.toggle('without-family', !staying.some((a) => family(a) !== ''));
  $('siecle-preview').hidden = false;
  $('siecle-preview-title').focus();
}

/** A row of the preview: the person, its family (when asked), and what the import does to it. */
function personRow(a, withFamily) {
  return el('tr', { className: `operation-${a.operation ?? 'none'}` },
    el('td', { text: a.lastName }),
    el('td', { text: a.firstName }),
    el('td', { text: labels.profile[a.profile] ?? a.profile }),
    el('td', { text: a.className ?? '' }),
    el('td', { text: a.identifier }),
    withFamily ? el('td', { text: family(a) }) : null,
    el('td', { text: operationLabel(a) }));
}

/** What the import does to a person, in French (« Création », « Mise à jour », « Inchangé », « Départ — sera bloqué »). */
export function operationLabel(a) {
  return operations[a.operation] ?? a.operation ?? '';
}

/**
 * The warnings of an import (homonyms, a guardian without a child to link): under `${prefix}-warnings`, each with the
 * identifier given, where the person is (file line, or external id) and the message. Shared by the CSV preview.
 */
export function showWarnings(warnings, prefix) {
  $(`${prefix}-warnings`).hidden = warnings.length === 0;
  $(`${prefix}-warnings-title`).textContent = warnings.length === 1
    ? 'Un point à vérifier (homonyme, responsable sans enfant…)'
    : `${count.format(warnings.length)} points à vérifier (homonymes, responsables sans enfant…)`;
  $(`${prefix}-warning-list`).replaceChildren(...warnings.map((w) => el('li', {},
    w.identifier ? el('strong', { text: w.identifier }) : null,
    w.identifier ? ' ' : null,
    `(${w.line ? `ligne ${w.line}` : w.externalId ?? ''}) : ${w.message ?? ''}`)));
}

/** A person's family as the answer gives it: a parent's children, a student's parents (names, or their identifiers). */
export function family(a) {
  const name = (p) => (typeof p === 'string' ? p : ([p.firstName, p.lastName].filter(Boolean).join(' ') || p.identifier || ''));
  const children = a.children ?? [];
  const parents = a.parents ?? [];
  if (children.length > 0) {
    return `Enfant${children.length > 1 ? 's' : ''} : ${children.map((c) => (c.className ? `${name(c)} (${c.className})` : name(c))).join(', ')}`;
  }

  if (parents.length > 0) {
    return `Responsable${parents.length > 1 ? 's' : ''} : ${parents.map(name).join(', ')}`;
  }

  return '';
}

/** The problems of a refused upload, in a table (file, element, line, reason); false when the answer lists none. */
function showProblems(problem) {
  const listed = problem.problems ?? problem.rows ?? null;
  const items = Array.isArray(listed)
    ? listed.map((p) => ({ file: p.file ?? p.fichier ?? '', element: p.element ?? p.column ?? '', line: p.line ?? null, reason: p.reason ?? p.message ?? '' }))
    : Object.values(problem.errors ?? {}).flat().map((reason) => ({ file: '', element: '', line: null, reason: String(reason) }));
  if (items.length === 0) {
    return false;
  }

  $('siecle-problem-rows').replaceChildren(...items.map((p) => el('tr', {},
    el('td', { text: p.file || '—' }),
    el('td', { text: p.element || '—' }),
    el('td', { text: p.line ? String(p.line) : '—' }),
    el('td', { text: p.reason }))));
  const title = $('siecle-problems-title');
  title.textContent = `${items.length === 1 ? 'Un problème' : `${count.format(items.length)} problèmes`} dans les fichiers : rien n’a été importé. `
    + 'Corrigez l’export (ou refaites-le depuis SIECLE ou STS-Web), puis vérifiez de nouveau.';
  $('siecle-problems').hidden = false;
  title.focus();
  return true;
}
