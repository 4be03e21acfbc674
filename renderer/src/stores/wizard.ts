/** Which step of the wizard is on screen, and how far the user has got (later steps stay locked until then). */
import { create } from 'zustand';

export const STEPS = ['connection', 'file', 'mapping', 'review', 'import', 'results'] as const;
export type Step = (typeof STEPS)[number];

interface WizardState {
  step: Step;
  /** Furthest step reached; the stepper lets the user go back to any step up to it. */
  reached: number;
  go(step: Step): void;
}

export const useWizard = create<WizardState>((set) => ({
  step: 'connection',
  reached: 0,
  go: (step) => set((s) => ({ step, reached: Math.max(s.reached, STEPS.indexOf(step)) })),
}));
