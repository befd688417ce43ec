// Says when a new version of the app is ready and reloads into it on request, on every screen:
// it lives outside React, so the sign-in screen offers updates without loading the app. Its live
// region is always in the page (index.html) so screen readers announce the offer; it never takes focus.

import type { UpdateStore } from "./lib/pwa-update";

export function showUpdateOffers(region: HTMLElement, store: UpdateStore): void {
  let card: HTMLElement | null = null;
  let failed: HTMLElement | null = null;
  let reload: HTMLButtonElement | null = null;

  function build(): HTMLElement {
    const panel = element("div", "update-card");
    panel.append(element("p", "update-title", "A new version of Content Creator is ready."));
    failed = element("p", "update-failed", "It couldn't start. Close the app and open it again to get it.");
    failed.hidden = true;
    panel.append(failed);
    const buttons = element("div", "update-actions");
    const later = element("button", "button ghost small", "Later");
    later.type = "button";
    later.addEventListener("click", () => store.dismiss());
    reload = element("button", "button solid small", "Reload");
    reload.type = "button";
    reload.addEventListener("click", () => {
      failed!.hidden = true;
      store.apply().catch(() => (failed!.hidden = false));
    });
    buttons.append(later, reload);
    panel.append(buttons);
    return panel;
  }

  function render() {
    const offer = store.getSnapshot();
    if (!offer.ready) {
      card?.remove();
      card = null;
      return;
    }
    if (!card) {
      card = build();
      region.append(card);
    }
    reload!.textContent = offer.applying ? "Reloading…" : "Reload";
    reload!.setAttribute("aria-disabled", String(offer.applying));
  }

  store.subscribe(render);
  render();
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text) node.textContent = text;
  return node;
}
