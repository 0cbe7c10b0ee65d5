/* bl-types.h — forward declarations and the enumerations shared by core
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BlProject     BlProject;
typedef struct _BlClaimStore  BlClaimStore;
typedef struct _BlActor       BlActor;
typedef struct _BlSource      BlSource;
typedef struct _BlTopic       BlTopic;
typedef struct _BlTimeIndex   BlTimeIndex;

/**
 * BlStance:
 *
 * How a claim stands to its question: it asserts something, denies
 * something (usually another claim), or qualifies it.
 */
typedef enum {
  BL_STANCE_ASSERTS,
  BL_STANCE_DENIES,
  BL_STANCE_QUALIFIES,
  BL_N_STANCES
} BlStance;

/**
 * BlActorKind:
 *
 * What kind of claimant an actor is.
 */
typedef enum {
  BL_ACTOR_OTHER,
  BL_ACTOR_STATE_OFFICIAL,
  BL_ACTOR_INTERNATIONAL_BODY,
  BL_ACTOR_ARMED_GROUP,
  BL_ACTOR_MEDIA,
  BL_ACTOR_NGO,
  BL_N_ACTOR_KINDS
} BlActorKind;

/**
 * BlSourceKind:
 *
 * What kind of outlet or document a source is.
 */
typedef enum {
  BL_SOURCE_OTHER,
  BL_SOURCE_NEWS_OUTLET,
  BL_SOURCE_NEWS_AGENCY,
  BL_SOURCE_OFFICIAL_STATEMENT,
  BL_SOURCE_REPORT,
  BL_SOURCE_SOCIAL_MEDIA,
  BL_SOURCE_DATASET,
  BL_N_SOURCE_KINDS
} BlSourceKind;

/**
 * BlEntityKind:
 * @BL_ENTITY_ACTOR: claimants (#BlActor)
 * @BL_ENTITY_SOURCE: sources (#BlSource)
 * @BL_ENTITY_TOPIC: topics (#BlTopic)
 *
 * Which of a project's entity lists: the ones claims refer to by position.
 */
typedef enum {
  BL_ENTITY_ACTOR,
  BL_ENTITY_SOURCE,
  BL_ENTITY_TOPIC,
  BL_N_ENTITY_KINDS
} BlEntityKind;

/**
 * BlRelationKind:
 *
 * How one claim relates to another.
 */
typedef enum {
  BL_RELATION_CITES,
  BL_RELATION_DENIES,
  BL_RELATION_CORROBORATES,
  BL_N_RELATION_KINDS
} BlRelationKind;

/**
 * BlPrecision:
 *
 * How precisely a claim's location is known, from an exact spot to a
 * whole region. %BL_PRECISION_UNKNOWN sorts last.
 */
typedef enum {
  BL_PRECISION_EXACT,
  BL_PRECISION_SETTLEMENT,
  BL_PRECISION_DISTRICT,
  BL_PRECISION_PROVINCE,
  BL_PRECISION_COUNTRY,
  BL_PRECISION_REGION,
  BL_PRECISION_UNKNOWN,
  BL_N_PRECISIONS
} BlPrecision;

/**
 * BlClock:
 *
 * The two clocks of a claim: when it was said (stated or published) and
 * the period it is about.
 */
typedef enum {
  BL_CLOCK_SAID,
  BL_CLOCK_ABOUT,
  BL_N_CLOCKS
} BlClock;

G_END_DECLS
