// Value inputs of a condition, one shape per `valueKind` of segmentFields.
// Each input edits a form object in place (see forms.js).

import { h } from "./dom.js";
import { t } from "./i18n.js";

const UNITS = ["DAYS", "WEEKS", "MONTHS"];
// ANNIVERSARY_IN_NEXT counts days only; the API rejects other units.
const DAY_ONLY_OPERATORS = new Set(["ANNIVERSARY_IN_NEXT"]);

function labelled(id, label, control) {
  return h("div", { class: "value-part" }, h("label", { for: id }, label), control);
}

function select(id, value, options, onChange, placeholder) {
  return h(
    "select",
    { id, value, onChange: (event) => onChange(event.target.value) },
    placeholder === undefined ? null : h("option", { value: "" }, placeholder),
    options.map(([optionValue, label]) => h("option", { value: optionValue }, label)),
  );
}

function numberInput(id, value, onInput, attributes = {}) {
  return h("input", {
    id,
    type: "number",
    step: "any",
    value,
    onInput: (event) => onInput(event.target.value),
    ...attributes,
  });
}

/**
 * Returns the inputs for one condition value. `form` is changed in place and
 * `onChange` runs after every change. `context` carries the field (for SELECT
 * options), the operator, the id prefix of the condition row and the segments
 * a SEGMENT_ID may name.
 */
export function renderValueInput(kind, form, context, onChange) {
  const { field, operator, idPrefix, segments } = context;
  const id = `${idPrefix}-value`;
  const update = (key) => (value) => {
    form[key] = value;
    onChange();
  };

  switch (kind) {
    case "NONE":
      return h("p", { class: "value-none", id }, t("value.none"));
    case "TEXT":
      if (field.options.length) {
        const options = field.options.map((option) => [option, option]);
        return labelled(
          id,
          t("value.label"),
          select(id, form.text ?? "", options, update("text"), t("value.chooseOption")),
        );
      }
      return labelled(
        id,
        t("value.label"),
        h("input", {
          id,
          type: "text",
          value: form.text ?? "",
          onInput: (e) => update("text")(e.target.value),
        }),
      );
    case "TEXTS":
      if (field.options.length) return renderOptionChecks(id, form, field.options, onChange);
      return labelled(
        id,
        t("value.texts"),
        h("textarea", {
          id,
          rows: 2,
          value: form.lines ?? "",
          onInput: (e) => update("lines")(e.target.value),
        }),
      );
    case "NUMBER":
      return labelled(id, t("value.label"), numberInput(id, form.number ?? "", update("number")));
    case "NUMBER_RANGE":
      return h(
        "div",
        { class: "value-group", id },
        labelled(
          `${id}-min`,
          t("value.min"),
          numberInput(`${id}-min`, form.min ?? "", update("min")),
        ),
        labelled(
          `${id}-max`,
          t("value.max"),
          numberInput(`${id}-max`, form.max ?? "", update("max")),
        ),
      );
    case "DATE":
      return labelled(
        id,
        t("value.label"),
        h("input", {
          id,
          type: "date",
          value: form.date ?? "",
          onInput: (e) => update("date")(e.target.value),
        }),
      );
    case "DATE_RANGE":
      return h(
        "div",
        { class: "value-group", id },
        labelled(
          `${id}-from`,
          t("value.from"),
          h("input", {
            id: `${id}-from`,
            type: "date",
            value: form.from ?? "",
            onInput: (e) => update("from")(e.target.value),
          }),
        ),
        labelled(
          `${id}-to`,
          t("value.to"),
          h("input", {
            id: `${id}-to`,
            type: "date",
            value: form.to ?? "",
            onInput: (e) => update("to")(e.target.value),
          }),
        ),
      );
    case "PERIOD": {
      const units = DAY_ONLY_OPERATORS.has(operator) ? ["DAYS"] : UNITS;
      if (!units.includes(form.unit)) form.unit = units[0];
      return h(
        "div",
        { class: "value-group", id },
        labelled(
          `${id}-amount`,
          t("value.amount"),
          numberInput(`${id}-amount`, form.amount ?? "", update("amount"), { min: 0, step: 1 }),
        ),
        labelled(
          `${id}-unit`,
          t("value.unit"),
          select(
            `${id}-unit`,
            form.unit,
            units.map((unit) => [unit, t(`unit.${unit}`)]),
            update("unit"),
          ),
        ),
      );
    }
    case "MONTH": {
      const months = Array.from({ length: 12 }, (_, index) => [
        String(index + 1),
        t(`month.${index + 1}`),
      ]);
      return labelled(
        id,
        t("value.month"),
        select(id, String(form.month ?? ""), months, update("month"), t("value.month")),
      );
    }
    case "BOOLEAN": {
      const choices = [
        ["true", t("value.true")],
        ["false", t("value.false")],
      ];
      return labelled(
        id,
        t("value.label"),
        select(id, form.boolean ?? "", choices, update("boolean"), ""),
      );
    }
    case "SEGMENT_ID": {
      const options = segments.map((segment) => [segment.id, segment.name]);
      return labelled(
        id,
        t("value.segment"),
        select(id, form.segmentId ?? "", options, update("segmentId"), t("value.chooseSegment")),
      );
    }
    default:
      return h("p", { class: "value-none", id }, kind);
  }
}

function renderOptionChecks(id, form, options, onChange) {
  const selected = new Set(form.selected ?? form.texts ?? []);
  form.selected = options.filter((option) => selected.has(option));
  return h(
    "fieldset",
    { class: "value-options", id },
    h("legend", {}, t("value.options")),
    options.map((option, index) =>
      h(
        "label",
        { class: "check" },
        h("input", {
          type: "checkbox",
          id: `${id}-${index}`,
          checked: selected.has(option),
          onChange: (event) => {
            if (event.target.checked) selected.add(option);
            else selected.delete(option);
            form.selected = options.filter((value) => selected.has(value));
            onChange();
          },
        }),
        " ",
        option,
      ),
    ),
  );
}
