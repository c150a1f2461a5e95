// Entry point of the segment manager: language, routing and page-wide messages.
//
// Routes live in the URL fragment: "#/" is the list, "#/new" a new segment,
// "#/segments/<id>" the editor of a saved one.

import { h, replaceChildren } from "./dom.js";
import { SegmentEditor } from "./editor.js";
import { detectLanguage, onLanguageChange, setLanguage, t, translateStatic } from "./i18n.js";
import { hasApiKey, request, setApiKey } from "./graphql.js";
import { SegmentList } from "./list.js";
import { LIST_SEGMENTS, SEGMENT_FIELDS_QUERY } from "./queries.js";

// The API's maximum page size; the segment picker pages through all segments.
const CHOICES_PAGE_SIZE = 100;

class App {
  constructor() {
    this.main = document.getElementById("main");
    this.status = document.getElementById("status");
    this.fields = [];
    this.segmentChoices = [];
    this.choicesLoaded = false;
    this.view = null;
  }

  async start() {
    try {
      await setLanguage(detectLanguage());
    } catch (error) {
      // Without a catalog there is no text to show, so the error is shown in both languages.
      this.main.textContent = `Không tải được trang. / The page failed to load. (${error.message})`;
      return;
    }
    const picker = document.getElementById("language");
    picker.value = document.documentElement.lang;
    picker.addEventListener("change", (event) =>
      setLanguage(event.target.value, { remember: true }),
    );
    onLanguageChange(() => {
      picker.value = document.documentElement.lang;
      this.translatePage();
      if (this.view?.relabel) this.view.relabel();
      else this.route();
    });
    this.translatePage();
    window.addEventListener("hashchange", () => this.route());
    await this.route();
  }

  translatePage() {
    translateStatic();
    document.title = t("app.title");
  }

  /** Loads the field catalog once; it carries labels in both languages. */
  async loadFields() {
    if (this.fields.length) return true;
    try {
      this.fields = (await request(SEGMENT_FIELDS_QUERY)).segmentFields;
      return true;
    } catch (error) {
      this.showError(error, () => this.route());
      return false;
    }
  }

  /**
   * Loads every segment's id and name for the IN_SEGMENT picker, once per change.
   * NOTE: a workspace with thousands of segments makes this one request per
   * 100 of them; a searchable picker would scale better.
   */
  async loadSegmentChoices() {
    if (this.choicesLoaded) return;
    const choices = [];
    let after = null;
    try {
      do {
        const connection = (await request(LIST_SEGMENTS, { first: CHOICES_PAGE_SIZE, after }))
          .segments;
        choices.push(...connection.edges.map((edge) => edge.node));
        after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
      } while (after);
    } catch (error) {
      this.showError(error);
      return;
    }
    this.segmentChoices = choices;
    this.choicesLoaded = true;
  }

  invalidateSegmentChoices() {
    this.choicesLoaded = false;
  }

  async route() {
    const hash = location.hash.replace(/^#/, "") || "/";
    const match = hash.match(/^\/segments\/([^/]+)$/);
    if (hash === "/new" || match) {
      if (!(await this.loadFields())) return;
      this.view = new SegmentEditor(this.main, this, match ? decodeURIComponent(match[1]) : null);
    } else {
      this.view = new SegmentList(this.main, this);
    }
    await this.view.open();
  }

  /** Shows a short message in the page's live region, read out by screen readers. */
  announce(message) {
    this.status.textContent = message;
    this.status.classList.remove("status-error");
  }

  /** Shows a failed request; `retry` adds a button that runs it again. */
  showError(error, retry = null) {
    if (error.kind === "unauthenticated") {
      this.askForApiKey(hasApiKey() ? t("error.apiKeyRejected", { detail: error.message }) : null);
      return;
    }
    const message =
      error.kind === "network"
        ? t("error.network", { detail: error.message })
        : error.kind === "http"
          ? t("error.http", { status: error.status, detail: error.message })
          : t("error.graphql", { detail: error.message ?? String(error) });
    replaceChildren(
      this.status,
      h("span", {}, message),
      retry
        ? h(
            "button",
            {
              type: "button",
              class: "small",
              onClick: () => {
                this.announce("");
                retry();
              },
            },
            t("error.retry"),
          )
        : null,
    );
    this.status.classList.add("status-error");
  }

  /**
   * Asks for an API key: the embedded demo needs none, a server on MongoDB
   * does. `rejection` is the reason the previous key was rejected.
   */
  askForApiKey(rejection = null) {
    setApiKey(null);
    const input = h("input", {
      id: "api-key",
      type: "password",
      autocomplete: "off",
      "aria-describedby": rejection ? "api-key-error" : null,
    });
    replaceChildren(
      this.main,
      h(
        "form",
        {
          class: "api-key",
          onSubmit: (event) => {
            event.preventDefault();
            setApiKey(input.value.trim());
            this.route();
          },
        },
        h("h2", { id: "page-heading", tabindex: -1 }, t("error.apiKey")),
        rejection ? h("p", { class: "error-line", id: "api-key-error" }, rejection) : null,
        h("label", { for: "api-key" }, t("apiKey.label")),
        input,
        h("button", { type: "submit" }, t("apiKey.save")),
      ),
    );
    input.focus();
  }
}

new App().start();
