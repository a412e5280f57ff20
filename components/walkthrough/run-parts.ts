/**
 * The workbench and what sets its run up: loaded by WalkthroughLoader after the page's first paint,
 * beside the walkthrough's own steps, so that a page's first scripts are the loader and little else.
 */
export { Walkthrough } from './walkthrough';
export { forgetFailedRun, prepareRun } from './prepare-run';
