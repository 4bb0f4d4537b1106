/** A small HTTP client for the running API: every call returns status, body and headers, never throws on 4xx. */
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export const API_URL = () => {
  const url = process.env.WHISTLE_API_URL;
  if (!url) throw new Error('WHISTLE_API_URL is not set: run this suite through jest (tests/support/global-setup.mjs)');
  return url;
};

export async function call<T = any>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string>; rawBody?: string; baseUrl?: string } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${options.baseUrl ?? API_URL()}/api${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

export async function login(username: string, password: string): Promise<string> {
  const response = await call('POST', '/auth/login', { body: { username, password } });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.accessToken;
}

/** Fails the test with the response in the message when the status is not the expected one. */
export function expectStatus<T>(response: ApiResponse<T>, status: number): ApiResponse<T> {
  if (response.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response;
}

/**
 * Sends a keyed request again while the engine answers 503, as a client does after a kill (a fresh worker's first
 * tasks take a moment), and returns the first other answer.
 */
export async function repeatWhileUnavailable<T extends { status: number }>(send: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await send();
    if (answer.status !== 503 || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
