/**
 * What a step card shows once its request has gone (its answer, a refusal and its cause, the callback and
 * its code's countdown, the scopes granted, a device code's QR code): one module, loaded after the page's
 * first paint (step-card.tsx), so that the first step is drawn with less code.
 */
export { CallbackView } from './callback-view';
export { CodeCountdown } from './code-countdown';
export { InterruptedView } from './interrupted-view';
export { ResultView } from './result-view';
export { ScopeGrantView } from './scope-grant-view';
export { StepRefusal } from './step-refusal';
export { VerificationQr } from './verification-qr';
