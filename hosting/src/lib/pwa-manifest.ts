// The web app manifest, kept in code so the build (vite.config.ts) and the tests read one source.
// Browsers use it to install the app: its name, colours, how it opens, and its icons.

/** The favicon's blue: the colour of the installed app's title bar and of its maskable icon. */
export const THEME_COLOR = "#3b4cca";
/** The splash screen behind the icon while the installed app starts. */
export const BACKGROUND_COLOR = "#ffffff";

export interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: "any" | "maskable" | "monochrome";
}

export interface WebManifest {
  id: string;
  name: string;
  short_name: string;
  description: string;
  lang: string;
  start_url: string;
  scope: string;
  display: "standalone" | "fullscreen" | "minimal-ui" | "browser";
  orientation?: string;
  theme_color: string;
  background_color: string;
  icons: ManifestIcon[];
}

export const manifest: WebManifest = {
  id: "/",
  name: "Content Creator",
  short_name: "Creator",
  description: "Write and generate content in shared projects.",
  lang: "en",
  start_url: "/",
  scope: "/",
  display: "standalone",
  theme_color: THEME_COLOR,
  background_color: BACKGROUND_COLOR,
  icons: [
    { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
    { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
    { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
  ],
};

/**
 * What keeps a manifest from making the app installable, in words; empty when nothing does.
 * Mirrors the checks Chromium makes before it offers to install.
 */
export function manifestProblems(candidate: Partial<WebManifest>): string[] {
  const problems: string[] = [];
  if (!candidate.name?.trim()) problems.push("It has no name.");
  if (!candidate.short_name?.trim()) problems.push("It has no short name.");
  else if (candidate.short_name.length > 12) problems.push("Its short name is longer than 12 characters and gets cut off.");
  if (!candidate.start_url) problems.push("It has no start URL.");
  if (candidate.scope && candidate.start_url && !candidate.start_url.startsWith(candidate.scope)) {
    problems.push("Its start URL lies outside its scope.");
  }
  if (!["standalone", "fullscreen", "minimal-ui"].includes(candidate.display ?? "")) {
    problems.push("It opens in a browser tab rather than a window of its own.");
  }
  for (const key of ["theme_color", "background_color"] as const) {
    if (!/^#[0-9a-f]{6}$/i.test(candidate[key] ?? "")) problems.push(`Its ${key} is not a #rrggbb colour.`);
  }
  const icons = candidate.icons ?? [];
  const any = icons.filter((icon) => (icon.purpose ?? "any").split(" ").includes("any"));
  for (const size of [192, 512]) {
    if (!any.some((icon) => iconSizes(icon).includes(size) && icon.type === "image/png")) {
      problems.push(`It has no ${size}x${size} PNG icon.`);
    }
  }
  if (!icons.some((icon) => icon.purpose?.split(" ").includes("maskable"))) problems.push("It has no maskable icon.");
  return problems;
}

/** The square sizes an icon declares ("192x192 512x512" gives [192, 512]); non-square ones are left out. */
export function iconSizes(icon: Pick<ManifestIcon, "sizes">): number[] {
  return icon.sizes
    .split(/\s+/)
    .map((size) => /^(\d+)x(\d+)$/.exec(size))
    .filter((match): match is RegExpExecArray => match !== null && match[1] === match[2])
    .map((match) => Number(match[1]));
}
