/**
 * The zod schema of the settings, derived from the settings table (core/settings.ts). Only the
 * tests import it, as they do the issue codes' schemas: they check that whatever the Paramètres
 * reader returns is valid, so the hosts' bundles need not carry the schema library.
 */
import * as z from 'zod/mini';
import {
  type Criterion,
  KEYED_SETTINGS,
  type KeyedSetting,
  type Municipality,
  type Priority,
  type ProgramYear,
  SETTINGS_TABLE,
  type SettingSpec,
  type Settings,
} from './settings.js';

/** ISO calendar date `YYYY-MM-DD`. */
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const cents = z.int();

export const PrioritySchema: z.ZodMiniType<Priority> = z.object({
  number: z.int().check(z.minimum(1)),
  name: z.string().check(z.minLength(1)),
  keywords: z.array(z.string()),
});

export const CriterionSchema: z.ZodMiniType<Criterion> = z.object({
  name: z.string().check(z.minLength(1)),
  weight: z.number().check(z.minimum(0)),
  max: z.number().check(z.positive()),
});

export const MunicipalitySchema: z.ZodMiniType<Municipality> = z.object({
  name: z.string().check(z.minLength(1)),
  code: z.string(),
  variants: z.array(z.string()),
});

export const ProgramYearSchema: z.ZodMiniType<ProgramYear> = z.object({
  label: z.string().check(z.regex(/^\d{4}-\d{4}$/)),
  envelopeCents: cents.check(z.minimum(0)),
});

/** The zod type of one setting, with its bounds. */
function settingSchema(spec: SettingSpec): z.ZodMiniType {
  switch (spec.kind) {
    case 'text':
      return z.string();
    case 'date':
      return isoDate;
    case 'integer':
      return z.int().check(z.minimum(spec.min));
    case 'number':
      return z.number().check(z.minimum(spec.min), z.maximum(spec.max));
    case 'choice':
      return z.enum(spec.choices.map((c) => c.value) as [string, ...string[]]);
    case 'money':
      return z.nullable(cents.check(z.positive()));
    case 'share':
      return z.nullable(z.number().check(z.positive(), z.maximum(1)));
    case 'shares':
      return z.nullable(z.array(z.number().check(z.positive())).check(z.minLength(1)));
  }
}

/** One schema per key/value setting. */
export const SETTING_SCHEMAS = Object.fromEntries(
  KEYED_SETTINGS.map((key) => [key, settingSchema(SETTINGS_TABLE[key])]),
) as Record<KeyedSetting, z.ZodMiniType>;

export const SettingsSchema = z.object({
  ...SETTING_SCHEMAS,
  years: z.array(ProgramYearSchema).check(z.minLength(1)),
  priorities: z.array(PrioritySchema).check(z.minLength(1)),
  criteria: z.array(CriterionSchema).check(z.minLength(1)),
  municipalities: z.array(MunicipalitySchema).check(z.minLength(1)),
  allMunicipalitiesWords: z.array(z.string()),
}) as unknown as z.ZodMiniType<Settings>;
