/* bl-map-export-command.h — the batch map export, --export=OUT.png|svg|pdf
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The size of a map exported from the command line when none is given. */
#define BL_MAP_EXPORT_COMMAND_WIDTH  1600
#define BL_MAP_EXPORT_COMMAND_HEIGHT 1000

/**
 * BlMapExportCommandArgs:
 * @output: --export: the file to write; its extension (.png, .svg, .pdf)
 *   gives the format
 * @size: (nullable): --size: "WIDTHxHEIGHT" in pixels
 * @scale: (nullable): --scale: device pixels per screen pixel (2 for
 *   HiDPI, 3.125 for 300 dpi); by default 1, or more for a big page
 * @bbox: (nullable): --bbox: "WEST,SOUTH,EAST,NORTH" in degrees
 * @view: (nullable): --view: the name of a saved view
 * @from: (nullable): --from: the window's first day, as a date text
 * @to: (nullable): --to: the window's last day
 * @topic: (nullable): --topic: a topic's id
 * @title: (nullable): --title: the map's title
 *
 * The options of the batch export, as the command line gave them.
 */
typedef struct {
  const char *output;
  const char *size;
  const char *scale;
  const char *bbox;
  const char *view;
  const char *from;
  const char *to;
  const char *topic;
  const char *title;
} BlMapExportCommandArgs;

int bl_map_export_command (const char                   *project_path,
                           const BlMapExportCommandArgs *args);

G_END_DECLS
