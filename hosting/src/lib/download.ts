// Saving something the app made as a file on the person's device.

/** Offers `data` as a download named `fileName`. */
export function saveFile(data: Blob | string, fileName: string, type = "text/plain;charset=utf-8"): void {
  const blob = typeof data === "string" ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file by the next task; the address is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
