// The view as the features compose it: AppState (each feature owns its keys) and the list of
// their URL slices, in the order features/index.ts registers them. Pure (no DOM), so the
// composed codec is tested in Node (codec.test.ts) against exactly what the app uses.
import type { Slice } from '../core/codec.ts';
import type { CoreState } from '../core/state.ts';
import { brokersSlice, type BrokersState } from './brokers/slice.ts';
import { cameraSlice, type CameraState } from './camera/slice.ts';
import { detailsSlice } from './details/slice.ts';
import { expandSlice, type ExpandState } from './expand/slice.ts';
import { fieldsYearsSlice, type FieldsYearsState } from './fields-years/slice.ts';
import { filtersSlice, type FiltersState } from './filters/slice.ts';
import { gapsSlice, type GapsState } from './gaps/slice.ts';
import { languageSlice } from './language/slice.ts';
import { metricsSlice, type MetricsState } from './metrics/slice.ts';
import { overviewLodSlice, type OverviewLodState } from './overview-lod/slice.ts';
import { partnersSlice, type PartnersState } from './partners/slice.ts';
import { pathsSlice, type PathsState } from './paths/slice.ts';
import { reviewSlice, type ReviewState } from './review/slice.ts';
import { selectionSlice, type SelectionState } from './selection/slice.ts';
import { sourceSlice, type SourceState } from './source/slice.ts';
import { storiesSlice, type StoriesState } from './stories/slice.ts';
import { themeSlice, type ThemeState } from './theme/slice.ts';
import { timelineSlice, type TimelineState } from './timeline/slice.ts';

/** The whole view: what a shared link reproduces. */
export type AppState = CoreState &
  ThemeState &
  CameraState &
  SelectionState &
  FiltersState &
  FieldsYearsState &
  TimelineState &
  SourceState &
  PathsState &
  BrokersState &
  GapsState &
  PartnersState &
  MetricsState &
  ExpandState &
  OverviewLodState &
  ReviewState &
  StoriesState;

/** Every feature slice of the app (features without view state have none). */
export function appSlices(): Slice<AppState>[] {
  return [
    languageSlice(),
    themeSlice(),
    cameraSlice(),
    filtersSlice(),
    fieldsYearsSlice(),
    timelineSlice(),
    selectionSlice(),
    overviewLodSlice(),
    expandSlice(),
    detailsSlice(),
    sourceSlice(),
    pathsSlice(),
    partnersSlice(),
    brokersSlice(),
    gapsSlice(),
    metricsSlice(),
    reviewSlice(),
    storiesSlice(),
  ];
}
