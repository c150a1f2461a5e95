// The page's only way to the data: POST requests to the public GraphQL API.

import { language } from "./i18n.js";

const ENDPOINT = "/graphql";
const KEY_STORAGE = "segments.apiKey";

/** A request that failed as a whole: no connection, an HTTP error or top-level GraphQL errors. */
export class RequestError extends Error {
  constructor(kind, detail, status = null) {
    super(detail);
    this.kind = kind; // "network", "http", "unauthenticated" or "graphql"
    this.status = status;
  }
}

export function hasApiKey() {
  return sessionStorage.getItem(KEY_STORAGE) !== null;
}

/** Stores the API key for this browser tab; the embedded demo mode needs none. */
export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
}

/**
 * Sends one GraphQL operation and returns its `data`. Messages in `userErrors`
 * and warnings come back in the page language, as `Accept-Language` names it.
 */
export async function request(query, variables = {}) {
  const headers = {
    "content-type": "application/json",
    accept: "application/json",
    "accept-language": language(),
  };
  const key = sessionStorage.getItem(KEY_STORAGE);
  if (key) headers.authorization = `Bearer ${key}`;

  let response;
  try {
    response = await fetch(ENDPOINT, {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new RequestError("network", error.message);
  }

  const body = await response.json().catch(() => null);
  const firstError = body?.errors?.[0]?.message ?? response.statusText;
  if (response.status === 401) throw new RequestError("unauthenticated", firstError, 401);
  if (!response.ok) throw new RequestError("http", firstError, response.status);
  if (body?.errors?.length)
    throw new RequestError("graphql", body.errors.map((e) => e.message).join("; "));
  return body.data;
}
