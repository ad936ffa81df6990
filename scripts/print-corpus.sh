#!/bin/sh
# Prints the corpus web pages (test/corpus/html/P*.html) to A4 PDF with two layout engines, as
# test data for the PDF reader (test/parse-pdf-printed.test.ts):
#   chromium/     Debian's Chromium prints each page itself, driven by playwright-core (the
#                 command line's --print-to-pdf prints US Letter only; page.pdf sets A4);
#   libreoffice/  LibreOffice prints each page as saved in Word (test/corpus/docx/P*.docx).
# Run from the repository root: sh scripts/print-corpus.sh
set -eu
out=test/corpus/printed
mkdir -p "$out/chromium" "$out/libreoffice"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# As the browser tests launch it: no sandbox, nothing fetched in the background, a fresh profile.
CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium} OUT="$out/chromium" node --input-type=module -e '
import { readdirSync, readFileSync } from "node:fs";
import { chromium } from "playwright-core";
// The pages are served from a made-up origin, not file://, so that the links a PDF keeps name no folder of
// the machine that printed it.
const ORIGIN = "https://corpus.invalid/";
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
for (const name of readdirSync("test/corpus/html").filter((f) => /^P\d+\.html$/.test(f)).sort()) {
  const page = await browser.newPage();
  await page.route(ORIGIN + name, (route) => route.fulfill({ contentType: "text/html", body: readFileSync(`test/corpus/html/${name}`) }));
  // The pages link scripts and images on their site: what cannot load is left out, as offline.
  await page.goto(ORIGIN + name, { waitUntil: "load", timeout: 60000 });
  await page.pdf({ path: `${process.env.OUT}/${name.replace(".html", ".pdf")}`, format: "A4", printBackground: true, margin: { top: "10mm", bottom: "10mm", left: "10mm", right: "10mm" } });
  await page.close();
}
await browser.close();
'

# LibreOffice with a profile of its own, so that a running soffice is not reused.
soffice "-env:UserInstallation=file://$work/soffice" --headless --convert-to pdf \
  --outdir "$out/libreoffice" test/corpus/docx/P*.docx >/dev/null 2>&1
