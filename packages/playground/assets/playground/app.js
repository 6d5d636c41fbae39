// The playground page: lists the registry (actions, triggers, connected accounts) with a search
// box, renders forms with JSON Editor, runs actions, polls triggers and shows new vs seen records.
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

function entryButton(integration, item, label, kind) {
  const attributes = { type: "button", title: item.description ?? "" };
  if (item.kind === "connected_account") attributes["data-account"] = integration.name;
  else attributes["data-action"] = item.qualifiedName;
  const button = element("button", attributes, label);
  if (kind)
    button.append(element("span", { class: `kind ${kind === "account" ? "account" : ""}` }, kind));
  button.dataset.search = `${item.qualifiedName} ${label} ${item.description ?? ""}`.toLowerCase();
  button.addEventListener("click", () => selectAction(integration, item));
  return button;
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
    const group = element("div", { class: "group", "data-integration": integration.name });
    group.append(element("h2", {}, integration.displayName));
    if (integration.stale)
      group.append(element("p", { class: "warning" }, "Generated code is stale"));
    for (const action of integration.actions) {
      group.append(entryButton(integration, action, action.displayName));
    }
    for (const trigger of integration.triggers) {
      group.append(entryButton(integration, trigger, trigger.displayName, "trigger"));
    }
    if (integration.connectedAccount) {
      const account = {
        kind: "connected_account",
        qualifiedName: `${integration.name} connected account`,
        displayName: "Connected account",
        description: "Describes the account the credentials belong to.",
      };
      group.append(entryButton(integration, account, account.displayName, "account"));
    }
    nav.append(group);
  }
  // A broken config.json is shown where it cannot be missed, with its file:line:column.
  $("#problems").replaceChildren(...body.problems.map((problem) => element("p", {}, problem)));
  filterRegistry();
}

/** Hides the entries (and integrations) that do not match the search box. */
function filterRegistry() {
  const words = $("#search").value.toLowerCase().split(/\s+/).filter(Boolean);
  for (const group of document.querySelectorAll("#registry .group")) {
    let shown = 0;
    const name = group.querySelector("h2")?.textContent?.toLowerCase() ?? "";
    for (const button of group.querySelectorAll("button")) {
      const text = `${name} ${button.dataset.search}`;
      const match = words.every((word) => text.includes(word));
      button.hidden = !match;
      if (match) shown += 1;
    }
    group.hidden = shown === 0;
  }
}

function rememberCredentials() {
  if (state.current && state.credentialsEditor) {
    state.credentials.set(state.current.integration.name, state.credentialsEditor.getValue());
  }
}

function selectAction(integration, action) {
  rememberCredentials();
  state.current = { integration, action };
  const account = action.kind === "connected_account";
  for (const button of document.querySelectorAll("nav button")) {
    const current = account
      ? button.dataset.account === integration.name
      : button.dataset.action === action.qualifiedName;
    button.setAttribute("aria-current", String(current));
  }
  $("#stale").hidden = !integration.stale;
  $("#stale").textContent = integration.stale ?? "";
  $("#run").textContent = action.kind === "polling_trigger" ? "Poll" : "Run";
  $("#inputs-heading").hidden = account;
  $("#action").hidden = false;
  $("#action-title").textContent = action.displayName;
  $("#action-name").textContent = action.qualifiedName;
  $("#action-description").textContent = action.description;
  $("#output").hidden = true;
  $("#error").hidden = true;

  state.inputEditor?.destroy();
  state.inputEditor = account
    ? null
    : new JSONEditor($("#input-form"), {
        ...editorOptions,
        schema: { title: " ", ...action.schema },
        form_name_root: "inputs",
      });
  state.inputEditor?.on("ready", () => unmarkOptionalEnums(state.inputEditor));

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

/** Optional enums are `required: true` for the form library only: their labels lose the mark. */
function unmarkOptionalEnums(editor) {
  for (const child of Object.values(editor.editors ?? {})) {
    if (child?.schema?.["x-pb-unset"]) child.label?.classList.remove("required");
  }
}

/** The inputs without optional enums left at "(not set)" (see x-pb-unset in form-schema.ts). */
function dropUnset(value, schema) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const properties = schema?.properties ?? {};
  const out = {};
  for (const [key, item] of Object.entries(value)) {
    const property = properties[key];
    if (property?.["x-pb-unset"] && item === "") continue;
    out[key] = dropUnset(item, property);
  }
  return out;
}

function showPoll(body) {
  const poll = body.poll;
  $("#poll").hidden = !poll;
  if (!poll) return;
  const kinds = new Map();
  for (const id of poll.seen) kinds.set(String(id), "seen");
  for (const id of poll.seeded) kinds.set(String(id), "seeded");
  for (const id of poll.delivered) kinds.set(String(id), "new");
  const seeded =
    poll.seeded.length > 0
      ? `, ${poll.seeded.length} seeded (first poll: recorded, not delivered)`
      : "";
  $("#poll-summary").textContent =
    `${body.records.length} records: ${poll.delivered.length} new, ${poll.seen.length} already seen${seeded}` +
    ` (last_poll_ts ${poll.lastPollTs ?? "none"})`;
  const items = body.records.map((record) => {
    const kind = kinds.get(String(record.id)) ?? "new";
    const item = element("li", { class: kind, "data-id": String(record.id) });
    item.append(
      element("span", { class: "mark" }, kind),
      document.createTextNode(`${record.id} ${JSON.stringify(record.data)}`),
    );
    return item;
  });
  $("#records").replaceChildren(...items);
  $("#run").textContent = "Poll again";
}

function showResult(body) {
  $("#output").hidden = false;
  showPoll(body);
  const badge = $("#result-type");
  badge.textContent = body.result.type;
  badge.className = `badge ${body.result.type}`;
  const recordedTo = body.recorded ? ` · recorded to ${body.recorded}` : "";
  $("#duration").textContent = `${Math.round(body.durationMs)} ms${recordedTo}`;
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
    const { integration, action } = state.current;
    const credentials = state.credentialsEditor?.getValue();
    const request =
      action.kind === "connected_account"
        ? { connectedAccount: integration.name, credentials }
        : {
            action: action.qualifiedName,
            inputs: dropUnset(state.inputEditor.getValue(), action.schema),
            credentials,
          };
    const response = await fetch("/api/run", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(request),
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
$("#search").addEventListener("input", filterRegistry);
loadRegistry().catch((error) => {
  $("#registry").textContent = `Could not load the registry: ${error.message}`;
});
