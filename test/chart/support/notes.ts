import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../support/temp-dir';
import { CHART_DIR, find, render, RenderOptions } from './helm';

/** `helm template` leaves NOTES.txt out; this template of a test copy renders it into a ConfigMap. */
const NOTES_PROBE = `apiVersion: v1
kind: ConfigMap
metadata:
  name: notes
data:
  notes: {{ include (print $.Template.BasePath "/NOTES.txt") . | quote }}
`;

let probeChart: string | undefined;

function chartWithProbe(): string {
  if (!probeChart) {
    probeChart = join(tempDir('otg-chart-'), 'okta-telephony-gateway');
    cpSync(CHART_DIR, probeChart, { recursive: true, dereference: true });
    writeFileSync(join(probeChart, 'templates', 'notes-probe.yaml'), NOTES_PROBE);
  }
  return probeChart;
}

/** The text `helm install` prints after installing with these values. */
export function notes(options: RenderOptions = {}): string {
  const manifests = render({
    ...options,
    chart: chartWithProbe(),
    showOnly: 'templates/notes-probe.yaml',
  });
  return (find(manifests, 'ConfigMap', 'notes').data as { notes: string }).notes;
}
