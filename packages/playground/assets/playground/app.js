// The playground page: lists the registry, renders forms with JSON Editor, runs actions.
/* global JSONEditor */

const editorOptions = {
  theme: "html",
  disable_edit_json: true,
  disable_properties: true,
  disable_collapse: true,
  disable_array_reorder: false,
  prompt_before_delete: false,
  show_opt_in: true,
  // Errors come from the server, which validates exactly as production does.
  show_errors: "never",
};

const state = {
  integrations: [],
  current: null,
  inputEditor: null,
  credentialsEditor: null,
  // Credentials per integration, in memory only: never stored, never sent anywhere but /api/run.
  credentials: new Map(),
};

const $ = (selector) => document.querySelector(selector);

function element(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text) node.textContent = text;
  return node;
}

async function loadRegistry() {
  const response = await fetch("/api/integrations");
  const body = await response.json();
  state.integrations = body.integrations;
  const nav = $("#registry");
  nav.replaceChildren();
  if (body.integrations.length === 0) {
    nav.append(element("p", { class: "muted" }, "No integrations in this workspace."));
  }
  for (const integration of body.integrations) {
    nav.append(element("h2", {}, integration.displayName));
    for (const action of integration.actions) {
      const button = element(
        "button",
        { type: "button", "data-action": action.qualifiedName, title: action.description },
        action.displayName,
      );
      button.addEventListener("click", () => selectAction(integration, action));
      nav.append(button);
    }
  }
  for (const problem of body.problems) nav.append(element("p", { class: "muted" }, problem));
}

function rememberCredentials() {
  if (state.current && state.credentialsEditor) {
    state.credentials.set(state.current.integration.name, state.credentialsEditor.getValue());
  }
}

function selectAction(integration, action) {
  rememberCredentials();
  state.current = { integration, action };
  for (const button of document.querySelectorAll("nav button")) {
    button.setAttribute("aria-current", String(button.dataset.action === action.qualifiedName));
  }
  $("#action").hidden = false;
  $("#action-title").textContent = action.displayName;
  $("#action-name").textContent = action.qualifiedName;
  $("#action-description").textContent = action.description;
  $("#output").hidden = true;
  $("#error").hidden = true;

  state.inputEditor?.destroy();
  state.inputEditor = new JSONEditor($("#input-form"), {
    ...editorOptions,
    schema: { title: " ", ...action.schema },
    form_name_root: "inputs",
  });

  state.credentialsEditor?.destroy();
  state.credentialsEditor = null;
  $("#credentials-section").hidden = !integration.credentials;
  if (integration.credentials) {
    const saved = state.credentials.get(integration.name);
    state.credentialsEditor = new JSONEditor($("#credentials-form"), {
      ...editorOptions,
      show_opt_in: false,
      schema: { ...integration.credentials, title: " " },
      form_name_root: "credentials",
      ...(saved ? { startval: saved } : {}),
    });
  }
}

function clearFieldErrors() {
  for (const node of document.querySelectorAll(".pb-field-error")) node.remove();
  for (const node of document.querySelectorAll(".pb-has-error"))
    node.classList.remove("pb-has-error");
}

function schemaPath(pointer) {
  const parts = pointer
    .split("/")
    .slice(1)
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"));
  return ["inputs", ...parts];
}

function showFieldError(pointer, message) {
  const parts = schemaPath(pointer);
  // The deepest field the form rendered: an unknown property lands on its parent object.
  for (let length = parts.length; length > 0; length -= 1) {
    const path = parts.slice(0, length).join(".");
    const container = $(`#input-form [data-schemapath="${CSS.escape(path)}"]`);
    if (!container) continue;
    container.classList.add("pb-has-error");
    const note = element(
      "div",
      { class: "pb-field-error", role: "alert", "data-pointer": pointer },
      message,
    );
    container.append(note);
    return;
  }
}

function showResult(body) {
  $("#output").hidden = false;
  const badge = $("#result-type");
  badge.textContent = body.result.type;
  badge.className = `badge ${body.result.type}`;
  $("#duration").textContent = `${Math.round(body.durationMs)} ms`;
  $("#result").textContent = JSON.stringify(body.result, null, 2);
  const rows = body.calls.map((call) => {
    const row = element("tr");
    row.append(
      element("td", {}, call.method),
      element("td", {}, call.url),
      element(
        "td",
        {},
        call.status === undefined ? (call.error ?? "no response") : String(call.status),
      ),
      element("td", {}, `${Math.round(call.durationMs)} ms`),
    );
    return row;
  });
  if (rows.length === 0) {
    const empty = element("tr");
    empty.append(element("td", { colspan: "4", class: "muted" }, "No HTTP calls."));
    rows.push(empty);
  }
  $("#calls tbody").replaceChildren(...rows);
  for (const error of body.fieldErrors) showFieldError(error.pointer, error.message);
}

async function run(event) {
  event.preventDefault();
  if (!state.current) return;
  clearFieldErrors();
  $("#error").hidden = true;
  rememberCredentials();
  const button = $("#run");
  button.disabled = true;
  try {
    const response = await fetch("/api/run", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        action: state.current.action.qualifiedName,
        inputs: state.inputEditor.getValue(),
        credentials: state.credentialsEditor?.getValue(),
      }),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error ?? response.statusText);
    showResult(body);
  } catch (error) {
    $("#error").textContent = error.message;
    $("#error").hidden = false;
  } finally {
    button.disabled = false;
  }
}

$("#input-form-wrapper").addEventListener("submit", run);
loadRegistry().catch((error) => {
  $("#registry").textContent = `Could not load the registry: ${error.message}`;
});
