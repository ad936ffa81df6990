/**
 * Rendering in the official layout, in its own entry point so that the
 * validator does not carry the renderers.
 *
 * @example
 * ```ts
 * import { buildReport } from 'gov-disclosure-report';
 * import { renderReport } from 'gov-disclosure-report/render';
 * const report = buildReport({ edition: '2021', year: 2021, agency: '汴东产业集聚区' });
 * console.log(renderReport(report, { to: 'markdown' }));
 * ```
 *
 * @module
 */
export { drawable, renderFindings, renderReport, type BinaryFormat, type RenderFormat, type RenderOptions } from './render/render.js';
export { tableGrids, type GridCell, type TableGrid } from './render/grid.js';
