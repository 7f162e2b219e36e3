// The one door to the service's public HTTP API (same origin). Adds the CSRF header on every unsafe request,
// and turns an error answer (application/problem+json) into an ApiError carrying the problem and its field errors.

const UNSAFE_HEADER = 'X-Requested-With';

const GENERIC = {
  0: { title: 'Le service ne répond pas.', detail: 'Vérifiez votre connexion à Internet, puis réessayez.' },
  401: { title: 'Authentification requise.', detail: 'Connectez-vous pour continuer.' },
  403: { title: 'Accès refusé.', detail: "Votre compte n’a pas les droits nécessaires pour cette action." },
  429: { title: 'Trop de tentatives.', detail: 'Patientez une minute avant de réessayer.' },
  500: { title: 'Erreur inattendue.', detail: 'Une erreur inattendue s’est produite. Réessayez plus tard.' },
};

/** An answer of the API that is not a success: its status, its problem (title, detail, errors by field). */
export class ApiError extends Error {
  constructor(status, problem) {
    const known = GENERIC[status] ?? (status >= 500 ? GENERIC[500] : { title: 'Requête refusée.', detail: '' });
    const merged = { ...known, ...(problem ?? {}) };
    super(merged.detail || merged.title);
    this.name = 'ApiError';
    this.status = status;
    this.problem = merged;
  }

  /** Validation errors keyed by camelCase field name: { password: ['…', '…'], email: ['…'] }. */
  get fieldErrors() {
    return this.problem.errors && typeof this.problem.errors === 'object' ? this.problem.errors : {};
  }

  get hasFieldErrors() {
    return Object.keys(this.fieldErrors).length > 0;
  }
}

/**
 * Sends a request and returns the Response when it succeeded (2xx), else throws an ApiError.
 * options: method, json (a body sent as JSON), body (FormData, Blob…), accept.
 */
export async function request(path, { method = 'GET', json, body, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (method !== 'GET' && method !== 'HEAD') {
    headers[UNSAFE_HEADER] = 'XMLHttpRequest';
  }

  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (body !== undefined) {
    init.body = body;
  }

  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0);
  }

  if (!response.ok) {
    throw new ApiError(response.status, await readProblem(response));
  }

  return response;
}

async function readProblem(response) {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      return await response.json();
    } catch {
      // An unreadable body: the generic text of the status is used.
    }
  }

  return undefined;
}

async function readJson(response) {
  if (response.status === 204) {
    return null;
  }

  const type = response.headers.get('Content-Type') ?? '';
  return type.includes('json') ? response.json() : null;
}

export async function getJson(path) {
  return readJson(await request(path));
}

export async function postJson(path, data) {
  return readJson(await request(path, { method: 'POST', json: data ?? {} }));
}

export async function putJson(path, data) {
  return readJson(await request(path, { method: 'PUT', json: data ?? {} }));
}

/** A file answered by the API (CSV, PDF): its bytes and the file name the service gives it. */
export async function fetchFile(path, options) {
  const response = await request(path, { ...options, accept: options?.accept ?? '*/*' });
  return { blob: await response.blob(), fileName: fileNameOf(response) };
}

function fileNameOf(response) {
  const header = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      // Fall back to the plain name.
    }
  }

  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : 'fichier';
}

/** The signed-in account, or null when there is no session (401). */
export async function currentAccount() {
  try {
    return await getJson('/api/account');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      return null;
    }

    throw error;
  }
}

export async function signOut() {
  try {
    await request('/api/auth/sign-out', { method: 'POST' });
  } finally {
    window.location.assign('/');
  }
}
