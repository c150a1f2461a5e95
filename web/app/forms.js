// Condition values as the user types them ("forms") and as the API takes them.
//
// The editor keeps what the user typed as a form object of strings, so a
// half-filled range survives re-rendering. `toApiValue` turns a form into the
// one-of ConditionValueInput, or null while it is incomplete, and
// `formFromSaved` reads a saved ConditionValue back into a form.

function parseNumber(text) {
  const trimmed = String(text ?? "").trim();
  if (trimmed === "") return null;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : null;
}

function parseInteger(text) {
  const number = parseNumber(text);
  return number !== null && Number.isInteger(number) ? number : null;
}

function lines(text) {
  return String(text ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** Returns the empty form of `kind`; PERIOD starts in days. */
export function emptyForm(kind) {
  return kind === "PERIOD" ? { amount: "", unit: "DAYS" } : {};
}

/** Returns the form of a saved ConditionValue, as segment(id) returns it. */
export function formFromSaved(kind, value) {
  if (!value) return emptyForm(kind);
  switch (kind) {
    case "TEXT":
      return { text: value.text ?? "" };
    case "TEXTS":
      return { texts: value.texts ?? [], lines: (value.texts ?? []).join("\n") };
    case "NUMBER":
      return { number: value.number ?? "" };
    case "NUMBER_RANGE":
      return { min: value.numberRange?.min ?? "", max: value.numberRange?.max ?? "" };
    case "DATE":
      return { date: value.date ?? "" };
    case "DATE_RANGE":
      return { from: value.dateRange?.from ?? "", to: value.dateRange?.to ?? "" };
    case "PERIOD":
      return { amount: value.period?.amount ?? "", unit: value.period?.unit ?? "DAYS" };
    case "MONTH":
      return { month: value.month ?? "" };
    case "BOOLEAN":
      return {
        boolean: value.boolean === null || value.boolean === undefined ? "" : String(value.boolean),
      };
    case "SEGMENT_ID":
      return { segmentId: value.segmentId ?? "" };
    default:
      return {};
  }
}

/** Returns the ConditionValueInput of a form, or null when the form is incomplete. */
export function toApiValue(kind, form) {
  switch (kind) {
    case "TEXT":
      return form.text?.trim() ? { text: form.text } : null;
    case "TEXTS": {
      const texts = form.selected ?? lines(form.lines);
      return texts.length ? { texts } : null;
    }
    case "NUMBER": {
      const number = parseNumber(form.number);
      return number === null ? null : { number };
    }
    case "NUMBER_RANGE": {
      const min = parseNumber(form.min);
      const max = parseNumber(form.max);
      return min === null || max === null ? null : { numberRange: { min, max } };
    }
    case "DATE":
      return form.date ? { date: form.date } : null;
    case "DATE_RANGE":
      return form.from && form.to ? { dateRange: { from: form.from, to: form.to } } : null;
    case "PERIOD": {
      const amount = parseInteger(form.amount);
      return amount === null ? null : { period: { amount, unit: form.unit || "DAYS" } };
    }
    case "MONTH": {
      const month = parseInteger(form.month);
      return month === null ? null : { month };
    }
    case "BOOLEAN":
      return form.boolean === "" || form.boolean === undefined
        ? null
        : { boolean: form.boolean === "true" };
    case "SEGMENT_ID":
      return form.segmentId ? { segmentId: form.segmentId } : null;
    default:
      return null;
  }
}
