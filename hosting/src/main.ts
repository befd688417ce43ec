import { initializeApp, type FirebaseOptions } from "firebase/app";
import {
  browserLocalPersistence,
  connectAuthEmulator,
  createUserWithEmailAndPassword,
  indexedDBLocalPersistence,
  initializeAuth,
  onAuthStateChanged,
  signInWithEmailAndPassword,
  signOut,
  type Auth,
  type User,
} from "firebase/auth";
import { Api, ApiError, type Project } from "./api";
import { authErrorMessage } from "./auth-messages";
import "./style.css";

/** What /__/firebase/init.json holds; the local server adds `authEmulatorUrl`. */
interface WebConfig extends FirebaseOptions {
  authEmulatorUrl?: string;
}

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const status = byId<HTMLParagraphElement>("status");
const account = byId("account");
const accountEmail = byId("account-email");
const signOutButton = byId<HTMLButtonElement>("sign-out");
const signedOut = byId("signed-out");
const signInForm = byId<HTMLFormElement>("sign-in-form");
const emailInput = byId<HTMLInputElement>("email");
const passwordInput = byId<HTMLInputElement>("password");
const signInError = byId("sign-in-error");
const signedIn = byId("signed-in");
const projectsTitle = byId("projects-title");
const projectList = byId<HTMLUListElement>("project-list");
const projectsEmpty = byId("projects-empty");
const projectsError = byId("projects-error");
const loadMoreButton = byId<HTMLButtonElement>("load-more");
const projectForm = byId<HTMLFormElement>("project-form");
const projectError = byId("project-error");
const projectFields: Record<string, HTMLInputElement | HTMLTextAreaElement> = {
  name: byId<HTMLInputElement>("project-name"),
  description: byId<HTMLTextAreaElement>("project-description"),
};

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

// Everything about the signed-in user; replaced whenever the user changes, so that answers
// arriving for a previous user are recognised and dropped.
interface Session {
  user: User;
  api: Api;
  cursor: string | null;
  shown: Set<string>;
}
let session: Session | null = null;
let focusAfterSignIn = false;

function say(message: string): void {
  status.textContent = message;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : "Something went wrong. Please try again.";
}

/** Says so on every page when generation runs on the offline demo provider. */
async function showDemoBanner(): Promise<void> {
  try {
    const response = await fetch("/api/health", { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const health = (await response.json()) as { demo?: boolean };
    const banner = document.getElementById("demo-banner");
    if (banner) banner.hidden = health.demo !== true;
  } catch {
    // Health is informative only; the page works without it.
  }
}

async function loadConfig(): Promise<WebConfig> {
  const response = await fetch("/__/firebase/init.json", { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`/__/firebase/init.json answered ${response.status}`);
  return (await response.json()) as WebConfig;
}

function startAuth(config: WebConfig): Auth {
  const { authEmulatorUrl, ...options } = config;
  const auth = initializeAuth(initializeApp(options), {
    persistence: [indexedDBLocalPersistence, browserLocalPersistence],
  });
  if (authEmulatorUrl) connectAuthEmulator(auth, authEmulatorUrl, { disableWarnings: true });
  return auth;
}

function showSignedOut(): void {
  session = null;
  account.hidden = true;
  signedIn.hidden = true;
  signedOut.hidden = false;
  projectList.replaceChildren();
}

function showSignedIn(user: User): void {
  session = {
    user,
    api: new Api((refresh) => user.getIdToken(refresh)),
    cursor: null,
    shown: new Set(),
  };
  accountEmail.textContent = user.email ?? "";
  accountEmail.title = user.email ?? "";
  account.hidden = false;
  signedOut.hidden = true;
  signedIn.hidden = false;
  projectList.replaceChildren();
  projectsEmpty.hidden = true;
  projectsError.textContent = "";
  loadMoreButton.hidden = true;
  clearProjectErrors();
  if (focusAfterSignIn) {
    focusAfterSignIn = false;
    say(`Signed in as ${user.email ?? "you"}.`);
    projectsTitle.focus();
  } else {
    say("");
  }
  void loadProjects(session);
}

function projectItem(project: Project): HTMLLIElement {
  const item = document.createElement("li");
  const name = document.createElement("h3");
  name.textContent = project.name;
  item.append(name);
  if (project.description) {
    const description = document.createElement("p");
    description.textContent = project.description;
    item.append(description);
  }
  const meta = document.createElement("p");
  meta.className = "meta";
  meta.textContent = capitalised(project.role ?? "");
  const updated = new Date(project.updatedAt);
  if (!Number.isNaN(updated.getTime())) {
    const time = document.createElement("time");
    time.dateTime = project.updatedAt;
    time.textContent = dateFormat.format(updated);
    meta.append(meta.textContent ? " · updated " : "Updated ", time);
  }
  if (meta.textContent) item.append(meta);
  return item;
}

/** Adds projects not already on the list; returns how many were new. */
function addProjects(current: Session, projects: Project[], atTop: boolean): number {
  const fresh = projects.filter((project) => !current.shown.has(project.id));
  fresh.forEach((project) => current.shown.add(project.id));
  const items = fresh.map(projectItem);
  if (atTop) projectList.prepend(...items);
  else projectList.append(...items);
  projectsEmpty.hidden = current.shown.size > 0;
  return fresh.length;
}

async function loadProjects(current: Session): Promise<void> {
  const firstPage = current.cursor === null;
  loadMoreButton.disabled = true;
  projectsError.textContent = "";
  projectList.setAttribute("aria-busy", "true");
  try {
    const page = await current.api.listProjects(current.cursor);
    if (current !== session) return;
    const added = addProjects(current, page.items, false);
    current.cursor = page.nextCursor;
    loadMoreButton.textContent = "Load more";
    loadMoreButton.hidden = !current.cursor;
    if (!firstPage) {
      say(`Loaded ${added} more ${added === 1 ? "project" : "projects"}.`);
      if (loadMoreButton.hidden) projectsTitle.focus();
    }
  } catch (error) {
    if (current !== session) return;
    projectsError.textContent = `Couldn't load your projects. ${messageOf(error)}`;
    loadMoreButton.textContent = "Try again";
    loadMoreButton.hidden = false;
  } finally {
    if (current === session) {
      loadMoreButton.disabled = false;
      projectList.removeAttribute("aria-busy");
    }
  }
}

function setFieldError(field: HTMLInputElement | HTMLTextAreaElement, message: string): void {
  byId(`${field.id}-error`).textContent = message;
  field.setAttribute("aria-invalid", "true");
}

function clearProjectErrors(): void {
  projectError.textContent = "";
  for (const field of Object.values(projectFields)) {
    byId(`${field.id}-error`).textContent = "";
    field.removeAttribute("aria-invalid");
  }
}

/** Shows an API error on the project form: field problems beside their fields, the rest above the button. */
function showProjectError(error: unknown): void {
  const others: string[] = [];
  let firstInvalid: HTMLElement | null = null;
  for (const problem of error instanceof ApiError ? error.fieldProblems : []) {
    const field = projectFields[problem.field];
    if (field) {
      setFieldError(field, capitalised(problem.message));
      firstInvalid ??= field;
    } else {
      others.push(`${problem.field}: ${problem.message}`);
    }
  }
  projectError.textContent = [messageOf(error), ...others].join(" ");
  firstInvalid?.focus();
}

function wire(auth: Auth): void {
  onAuthStateChanged(auth, (user) => {
    if (user) {
      showSignedIn(user);
    } else {
      showSignedOut();
      say("");
    }
  });

  signInForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const creating = (event.submitter as HTMLButtonElement | null)?.value === "sign-up";
    const email = emailInput.value.trim();
    const password = passwordInput.value;
    signInError.textContent = "";
    emailInput.removeAttribute("aria-invalid");
    passwordInput.removeAttribute("aria-invalid");
    if (!email || !password) {
      const missing = email ? passwordInput : emailInput;
      missing.setAttribute("aria-invalid", "true");
      signInError.textContent = email ? "Enter your password." : "Enter your email address.";
      missing.focus();
      return;
    }
    const buttons = signInForm.querySelectorAll("button");
    buttons.forEach((button) => (button.disabled = true));
    say(creating ? "Creating your account…" : "Signing in…");
    try {
      focusAfterSignIn = true;
      if (creating) await createUserWithEmailAndPassword(auth, email, password);
      else await signInWithEmailAndPassword(auth, email, password);
      signInForm.reset();
    } catch (error) {
      focusAfterSignIn = false;
      say("");
      signInError.textContent = authErrorMessage(error);
    } finally {
      buttons.forEach((button) => (button.disabled = false));
    }
  });

  signOutButton.addEventListener("click", async () => {
    await signOut(auth);
    say("You are signed out.");
    emailInput.focus();
  });

  loadMoreButton.addEventListener("click", () => {
    if (session) void loadProjects(session);
  });

  projectForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const current = session;
    if (!current) return;
    clearProjectErrors();
    const name = projectFields.name.value.trim();
    const description = projectFields.description.value.trim();
    if (!name) {
      setFieldError(projectFields.name, "Give the project a name.");
      projectFields.name.focus();
      return;
    }
    const button = projectForm.querySelector("button")!;
    button.disabled = true;
    say("Creating the project…");
    try {
      const project = await current.api.createProject(name, description);
      if (current !== session) return;
      addProjects(current, [project], true);
      projectForm.reset();
      say(`Project “${project.name}” created.`);
      projectFields.name.focus();
    } catch (error) {
      if (current !== session) return;
      say("");
      showProjectError(error);
    } finally {
      button.disabled = false;
    }
  });
}

void showDemoBanner();
loadConfig().then(
  (config) => wire(startAuth(config)),
  (error: unknown) => {
    console.error(error);
    say("The app couldn't load its settings. Reload the page to try again.");
  },
);
