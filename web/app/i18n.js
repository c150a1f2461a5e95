// Message catalogs and the page language. Every visible string comes from
// messages/<language>.json; the API is called with the same language.

const LANGUAGES = ["vi", "en"];
const STORAGE_KEY = "segments.language";

const catalogs = {};
let current = "en";
const listeners = new Set();

/** Returns "vi" or "en": the saved choice, else the browser's first match, else English. */
export function detectLanguage() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.includes(saved)) return saved;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = String(tag).toLowerCase().split("-")[0];
    if (LANGUAGES.includes(primary)) return primary;
  }
  return "en";
}

async function loadCatalog(language) {
  if (!catalogs[language]) {
    const response = await fetch(`/app/messages/${language}.json`);
    if (!response.ok)
      throw new Error(`Loading /app/messages/${language}.json failed: HTTP ${response.status}`);
    catalogs[language] = await response.json();
  }
  return catalogs[language];
}

/** Loads the catalog of `language`, makes it current and notifies the listeners. */
export async function setLanguage(language, { remember = false } = {}) {
  await loadCatalog(language);
  current = language;
  document.documentElement.lang = language;
  if (remember) localStorage.setItem(STORAGE_KEY, language);
  for (const listener of listeners) listener(language);
}

export function language() {
  return current;
}

export function onLanguageChange(listener) {
  listeners.add(listener);
}

/**
 * Returns the message `key` of the current catalog with `{name}` placeholders
 * filled from `params`. A missing key shows as the key itself, so it is
 * visible on the page instead of an empty string.
 */
export function t(key, params = {}) {
  const template = catalogs[current]?.[key] ?? catalogs.en?.[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name) =>
    name in params ? String(params[name]) : match,
  );
}

/** Formats a number with the digit grouping of the current language. */
export function formatNumber(value) {
  return new Intl.NumberFormat(current === "vi" ? "vi-VN" : "en-GB").format(value);
}

/** Formats an ISO 8601 instant as a local date and time. */
export function formatDateTime(iso) {
  const locale = current === "vi" ? "vi-VN" : "en-GB";
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(
    new Date(iso),
  );
}

/** Fills every element that has `data-i18n` with its message. */
export function translateStatic(root = document) {
  for (const element of root.querySelectorAll("[data-i18n]")) {
    element.textContent = t(element.dataset.i18n);
  }
}
