// Small helpers to build DOM nodes without a framework or a build step.

/**
 * Creates an element. `attributes` keys starting with "on" add event
 * listeners, `dataset` takes an object, `false`/`null` values are
 * skipped, and children may be nodes, strings or nested arrays. `value` is
 * set as a property after the children, so it selects an option of a
 * <select> and fills a <textarea>.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false || key === "value") continue;
    if (key.startsWith("on") && typeof value === "function") {
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === "dataset") {
      Object.assign(element.dataset, value);
    } else if (key === "class") {
      element.className = value;
    } else if (key in element && typeof value !== "string") {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(element, children);
  if (attributes.value !== null && attributes.value !== undefined)
    element.value = String(attributes.value);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) {
      append(element, child);
    } else {
      element.append(child instanceof Node ? child : String(child));
    }
  }
}

/** Replaces every child of `element` with `children`. */
export function replaceChildren(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

/** Returns a function that runs `callback` once no call came for `delay` ms. */
export function debounce(callback, delay) {
  let timer = null;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => callback(...args), delay);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}
