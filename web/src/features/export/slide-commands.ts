// What other features may tell a slide, asked when one is exported (so the order in which
// features mount does not matter): the story step shown now gives its title, and a feature that
// colours or sizes nodes by a measure gives the legend of its scale. A feature answers by
// handling the command and calling `answer`; with no answer the slide uses the dataset's title
// and the node types' colours.
import { defineCommand } from '../../core/commands.ts';
import type { Lang } from '../../i18n.ts';

/** The title a slide of the current view should carry, in `lang` (a story step's title). */
export const askSlideTitle = defineCommand<[lang: Lang, answer: (title: string) => void]>('slide title');

export interface SlideScale {
  /** "Colour: betweenness": nodes are coloured by a measure, not by their type. */
  colorTitle?: string;
  /** A sequential scale: its colours low to high and the values at its ends. */
  ramp?: { stops: readonly string[]; min: string; max: string };
  /** Categorical colours (communities), largest first. */
  categories?: { label: string; color: string }[];
  /** "Size: PageRank". */
  sizeTitle?: string;
}

/** The colour and size scale nodes are drawn with now, in `lang`. */
export const askSlideScale = defineCommand<[lang: Lang, answer: (scale: SlideScale) => void]>('slide scale');
