/* bench-claim-layer.c — the claim layer's frame at 10k, 100k and 1M claims
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Puts a BlClaimLayer (with the same painter and basemap renderer the
 * window uses) over N synthetic claims (synthetic.h) on a plain
 * ShumateMap of 1600 × 1000 with no base layer (the basemap source is only
 * the viewport's reference, so no tile is drawn), and at zooms 5, 7 and 9
 * over random centres in the region measures:
 *
 * - snapshot: the layer's GtkWidget::snapshot called through a
 *   GtkSnapshot, the render node included; it recomputes the clusters
 *   for the new view and records the drawing (target of issue 4: under
 *   8 ms at 1M);
 * - render: that node drawn by the window's GskRenderer into a texture
 *   (gsk_renderer_render_texture), which is where a cairo node is
 *   actually rasterised; reported apart;
 * - frame: the whole frame clock cycle after a pan (the viewport moved,
 *   then the time from the clock's before-paint to the end of its
 *   after-paint: layout, snapshot, render and present), the measure
 *   that compares like for like with the baseline.
 *
 * The baseline is a ShumateMarkerLayer with one ShumateMarker per claim
 * (a 14 × 14 GtkDrawingArea drawing a disc in the claim's colour, the
 * way an app would put a widget per point) at 10k claims (adding 50k
 * markers to the layer takes minutes: --marker-sizes for more), timed
 * the same way (frame, and its snapshot alone); the ratio is its frame
 * time over the claim layer's. Each size runs in a process of its own,
 * so the peak RSS (VmHWM) printed with each is that size's. "Claims
 * shown" is read after the first frame and the pans, before the
 * snapshot timings render off screen (textures the application never
 * makes; that peak is printed after it): with 1M claims the target is
 * under 400 MB.
 *
 * Needs a display: run it under xvfb-run (there the renderer is
 * whatever GTK picks on Xvfb, GL on llvmpipe or cairo; it is printed).
 * Prints its own table and BENCH|measure|size|median|p95|target|
 * baseline|ratio lines for build-aux/bench.
 *
 *   bench-claim-layer [--sizes 10000,100000,1000000] [--marker-sizes
 *                     10000] [--frames 40]
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bl-basemap-locate.h"
#include "bl-basemap-source.h"
#include "bl-claim-layer.h"
#include "synthetic.h"
#include "bench-helpers.h"

#define WIDTH         1600
#define HEIGHT        1000
#define MARKER_SIZE   14
#define SNAPSHOT_TARGET_MS 8.0
#define PEAK_TARGET_MB     400.0

static const double zooms[] = { 5, 7, 9 };

typedef struct {
  gint64 started;
  guint  n_frames;
  GArray *ms;       /* the frames' times, while recording */
} FrameClock;

typedef struct {
  GtkWindow         *window;
  ShumateMap        *map;
  ShumateViewport   *viewport;
  BlBasemapSource   *source;
  FrameClock         clock;
} Scene;

static void
print_row (const char *measure,
           guint       size,
           double      median,
           double      p95,
           const char *target,
           double      baseline)
{
  g_autofree char *p95_text = p95 >= 0 ? g_strdup_printf ("%.3f", p95) : g_strdup ("");
  g_autofree char *base = baseline > 0 ? g_strdup_printf ("%.2f", baseline) : g_strdup ("");
  g_autofree char *ratio = baseline > 0 && median > 0 ? g_strdup_printf ("%.1f", baseline / median) : g_strdup ("");

  g_print ("%-40s %8u %10.3f %10s %8s %10s %7s\n", measure, size, median, p95_text, target, base, ratio);
  g_print ("BENCH|%s|%u|%.3f|%s|%s|%s|%s\n", measure, size, median, p95_text, target, base, ratio);
}

/* The frame clock {{{ */

static void
on_before_paint (GdkFrameClock *clock,
                 FrameClock    *fc)
{
  fc->started = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                FrameClock    *fc)
{
  if (fc->ms != NULL && fc->started != 0)
    {
      double ms = (g_get_monotonic_time () - fc->started) / 1000.0;

      g_array_append_val (fc->ms, ms);
    }
  fc->started = 0;
  fc->n_frames++;
}

/* Iterates the main loop until a frame has been painted after now. */
static gboolean
wait_frame (Scene *scene)
{
  guint before = scene->clock.n_frames;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_widget_queue_draw (GTK_WIDGET (scene->map));
  while (scene->clock.n_frames == before && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  return scene->clock.n_frames != before;
}

/* }}} */

static void
scene_init (Scene             *scene,
            BlBasemapRenderer *renderer)
{
  GdkFrameClock *clock;
  gint64 deadline;

  memset (scene, 0, sizeof *scene);
  scene->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_decorated (scene->window, FALSE);
  gtk_window_set_default_size (scene->window, WIDTH, HEIGHT);

  scene->map = shumate_map_new ();
  gtk_widget_set_size_request (GTK_WIDGET (scene->map), WIDTH, HEIGHT);
  scene->viewport = shumate_map_get_viewport (scene->map);
  /* the reference for projections only: no tiles are drawn */
  scene->source = bl_basemap_source_new (renderer);
  shumate_viewport_set_reference_map_source (scene->viewport, SHUMATE_MAP_SOURCE (scene->source));
  shumate_viewport_set_zoom_level (scene->viewport, 5);
  shumate_location_set_location (SHUMATE_LOCATION (scene->viewport), 37.0, 69.0);
  gtk_window_set_child (scene->window, GTK_WIDGET (scene->map));

  gtk_window_present (scene->window);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while ((!gtk_widget_get_mapped (GTK_WIDGET (scene->map)) ||
          gtk_widget_get_width (GTK_WIDGET (scene->map)) < WIDTH - 1) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (!gtk_widget_get_mapped (GTK_WIDGET (scene->map)))
    g_error ("the window was not shown (is there a display?)");

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (scene->window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &scene->clock);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (on_after_paint), &scene->clock);
  wait_frame (scene);
}

static void
scene_clear (Scene *scene)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (scene->window));

  g_signal_handlers_disconnect_by_data (clock, &scene->clock);
  gtk_window_destroy (scene->window);
  g_clear_object (&scene->source);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A centre where the claims are, the same sequence for every layer. */
static void
random_centre (GRand  *rand,
               double *lat,
               double *lon)
{
  *lat = g_rand_double_range (rand, 35.5, 38.5);
  *lon = g_rand_double_range (rand, 66.0, 71.5);
}

/* Frames after pans: zooms 5, 7, 9, @frames each, into @ms. */
static void
time_frames (Scene  *scene,
             guint   frames,
             GArray *ms)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      shumate_viewport_set_zoom_level (scene->viewport, zooms[z]);
      wait_frame (scene);
      scene->clock.ms = ms;
      for (guint f = 0; f < frames; f++)
        {
          double lat, lon;

          random_centre (rand, &lat, &lon);
          shumate_location_set_location (SHUMATE_LOCATION (scene->viewport), lat, lon);
          if (!wait_frame (scene))
            g_printerr ("# no frame within 5 s\n");
        }
      scene->clock.ms = NULL;
    }
}

/* The widget's own snapshot, then its node rendered, over the same views. */
static void
time_snapshots (Scene     *scene,
                GtkWidget *layer,
                guint      frames,
                GArray    *snapshot_ms,
                GArray    *render_ms)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (scene->window));
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      shumate_viewport_set_zoom_level (scene->viewport, zooms[z]);
      for (guint f = 0; f < frames; f++)
        {
          GtkSnapshot *snapshot;
          GskRenderNode *node;
          double lat, lon, t;

          random_centre (rand, &lat, &lon);
          shumate_location_set_location (SHUMATE_LOCATION (scene->viewport), lat, lon);
          /* let a marker layer place its children, as a frame's layout would */
          wait_frame (scene);

          t = bl_bench_now_ms ();
          snapshot = gtk_snapshot_new ();
          GTK_WIDGET_GET_CLASS (layer)->snapshot (layer, snapshot);
          node = gtk_snapshot_free_to_node (snapshot);
          t = bl_bench_now_ms () - t;
          g_array_append_val (snapshot_ms, t);

          if (node != NULL && render_ms != NULL)
            {
              GdkTexture *texture;

              t = bl_bench_now_ms ();
              texture = gsk_renderer_render_texture (renderer, node,
                                                     &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
              t = bl_bench_now_ms () - t;
              g_array_append_val (render_ms, t);
              g_object_unref (texture);
            }
          g_clear_pointer (&node, gsk_render_node_unref);
        }
    }
}

typedef struct {
  double rgba[4];
} Disc;

static void
draw_disc (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  const Disc *disc = user_data;

  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 1, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, disc->rgba[0], disc->rgba[1], disc->rgba[2], disc->rgba[3]);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

static void
run_one (const char *kind,
         guint       n,
         guint       frames)
{
  gboolean markers = g_str_equal (kind, "markers");
  g_autoptr(GError) error = NULL;
  g_autoptr(BlBasemapData) data = NULL;
  g_autoptr(BlProject) project = NULL;
  g_autoptr(BlFilter) filter = NULL;
  g_autoptr(BlVisibleClaims) visible = NULL;
  g_autoptr(BlClaimPainter) painter = NULL;
  g_autoptr(BlSelection) selection = NULL;
  g_autoptr(GArray) frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) snapshot_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) render_ms = g_array_new (FALSE, FALSE, sizeof (double));
  BlBasemapRenderer *renderer;
  Scene scene;
  GtkWidget *layer;
  double t, median, p95, empty_mb, shown_mb;
  g_autofree char *target = NULL;

  data = bl_basemap_data_load_default (&error);
  if (data == NULL)
    g_error ("%s", error->message);
  renderer = bl_basemap_renderer_new (data);

  /* the window first, to know what it costs without the claims */
  scene_init (&scene, renderer);
  g_printerr ("# renderer: %s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (scene.window))));
  empty_mb = bl_bench_status_mb ("VmHWM:");

  t = bl_bench_now_ms ();
  project = synthetic_project_new (n, 1);
  filter = bl_filter_new ();
  visible = bl_visible_claims_new (project, filter);
  painter = bl_claim_painter_new (visible, renderer);
  selection = bl_selection_new ();
  g_printerr ("# %u claims generated in %.0f ms; RSS %.0f MB, peak %.0f MB\n",
              n, bl_bench_now_ms () - t, bl_bench_status_mb ("VmRSS:"), bl_bench_status_mb ("VmHWM:"));

  t = bl_bench_now_ms ();
  if (markers)
    {
      ShumateMarkerLayer *marker_layer = shumate_marker_layer_new (scene.viewport);
      Disc *discs = g_new0 (Disc, n);
      guint placed = 0;

      for (guint i = 0; i < n; i++)
        {
          ShumateMarker *marker;
          GtkWidget *area;
          double lat, lon;

          if (!bl_claim_painter_get_position (painter, i, &lat, &lon))
            continue;
          bl_claim_painter_get_color (painter, bl_claim_painter_get_key (painter, i), discs[i].rgba);
          area = gtk_drawing_area_new ();
          gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), MARKER_SIZE);
          gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), MARKER_SIZE);
          gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_disc, &discs[i], NULL);
          marker = shumate_marker_new ();
          shumate_marker_set_child (marker, area);
          shumate_location_set_location (SHUMATE_LOCATION (marker), lat, lon);
          shumate_marker_layer_add_marker (marker_layer, marker);
          placed++;
        }
      layer = GTK_WIDGET (marker_layer);
      shumate_map_add_layer (scene.map, SHUMATE_LAYER (marker_layer));
      g_object_set_data_full (G_OBJECT (layer), "discs", discs, g_free);
      g_printerr ("# %u markers made in %.0f ms\n", placed, bl_bench_now_ms () - t);
    }
  else
    {
      layer = GTK_WIDGET (bl_claim_layer_new (scene.viewport, painter, selection));
      shumate_map_add_layer (scene.map, SHUMATE_LAYER (layer));
    }

  t = bl_bench_now_ms ();
  wait_frame (&scene);
  g_printerr ("# first frame with the layer: %.0f ms; RSS %.0f MB, peak %.0f MB\n",
              bl_bench_now_ms () - t, bl_bench_status_mb ("VmRSS:"), bl_bench_status_mb ("VmHWM:"));

  time_frames (&scene, frames, frame_ms);
  /* showing ends here: what follows renders off screen, for timing only */
  shown_mb = bl_bench_status_mb ("VmHWM:");
  time_snapshots (&scene, layer, frames, snapshot_ms, markers ? NULL : render_ms);

  bl_bench_array_stats (snapshot_ms, &median, &p95);
  if (markers)
    print_row ("layer snapshot, ShumateMarkerLayer (ms)", n, median, p95, "", 0);
  else
    {
      target = n >= 1000000 ? g_strdup_printf ("< %.0f", SNAPSHOT_TARGET_MS) : g_strdup ("");
      print_row ("layer snapshot, claim layer (ms)", n, median, p95, target, 0);
      bl_bench_array_stats (render_ms, &median, &p95);
      print_row ("snapshot node rendered (ms)", n, median, p95, "", 0);
    }

  bl_bench_array_stats (frame_ms, &median, &p95);
  print_row (markers ? "pan frame, ShumateMarkerLayer (ms)" : "pan frame, claim layer (ms)",
             n, median, p95, "", 0);

  g_clear_pointer (&target, g_free);
  target = n >= 1000000 ? g_strdup_printf ("< %.0f", PEAK_TARGET_MB) : g_strdup ("");
  print_row (markers ? "peak RSS, ShumateMarkerLayer (MB)" : "peak RSS, claims shown (MB)",
             n, shown_mb, -1, target, 0);
  print_row ("  of which the window, no claims (MB)", n, empty_mb, -1, "", 0);
  print_row ("  peak with the timing renders (MB)", n, bl_bench_status_mb ("VmHWM:"), -1, "", 0);

  scene_clear (&scene);
  bl_basemap_renderer_unref (renderer);
}

/* Runs "self --one KIND N FRAMES", passing its lines on; returns the
 * median of the row named @row, or 0. */
static double
spawn_one (const char *kind,
           guint       n,
           guint       frames,
           const char *row)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *n_text = g_strdup_printf ("%u", n);
  g_autofree char *frames_text = g_strdup_printf ("%u", frames);
  const char *argv[] = { self, "--one", kind, n_text, frames_text, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  double found = 0;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                     NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench-claim-layer: %s %u failed: %s\n", kind, n, error->message);
      return 0;
    }

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (lines[i][0] == '\0')
        continue;
      g_print ("%s\n", lines[i]);
      fields = g_strsplit (lines[i], "|", -1);
      if (g_strv_length (fields) >= 5 && g_str_equal (fields[0], "BENCH") &&
          g_str_equal (fields[1], row))
        found = g_ascii_strtod (fields[3], NULL);
    }
  return found;
}

static GArray *
parse_sizes (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  GArray *sizes = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 n;

      if (*parts[i] == '\0')
        continue;
      if (!g_ascii_string_to_unsigned (parts[i], 10, 1, 10000000, &n, NULL))
        g_error ("bad size “%s”", parts[i]);
      g_array_append_val (sizes, (guint) { n });
    }
  return sizes;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sizes_text = g_strdup ("10000,100000,1000000");
  g_autofree char *marker_text = g_strdup ("10000");
  int frames = 40;
  GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_text, "Claim counts, comma-separated", "N,N…" },
    { "marker-sizes", 0, 0, G_OPTION_ARG_STRING, &marker_text, "Claim counts for the ShumateMarkerLayer baseline (empty: none)", "N,N…" },
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames, "Frames per zoom and measure (40)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sizes = NULL;
  g_autoptr(GArray) marker_sizes = NULL;
  g_autoptr(GHashTable) layer_snapshots = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  if (argc == 5 && g_str_equal (argv[1], "--one"))
    {
      gtk_init ();
      adw_init ();
      run_one (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10),
               (guint) CLAMP (g_ascii_strtoull (argv[4], NULL, 10), 1, 10000));
      return EXIT_SUCCESS;
    }

  context = g_option_context_new ("— time the claim layer against a ShumateMarkerLayer");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  frames = CLAMP (frames, 1, 10000);
  sizes = parse_sizes (sizes_text);
  marker_sizes = parse_sizes (marker_text);

  g_print ("%-40s %8s %10s %10s %8s %10s %7s\n",
           "measure", "claims", "median", "p95", "target", "baseline", "ratio");

  for (guint i = 0; i < sizes->len; i++)
    {
      guint n = g_array_index (sizes, guint, i);
      double *frame = g_new (double, 1);

      *frame = spawn_one ("layer", n, (guint) frames, "pan frame, claim layer (ms)");
      g_hash_table_insert (layer_snapshots, GUINT_TO_POINTER (n), frame);
    }

  for (guint i = 0; i < marker_sizes->len; i++)
    {
      guint n = g_array_index (marker_sizes, guint, i);
      double *ours = g_hash_table_lookup (layer_snapshots, GUINT_TO_POINTER (n));
      double theirs = spawn_one ("markers", n, (guint) MAX (frames / 4, 5),
                                 "pan frame, ShumateMarkerLayer (ms)");

      if (ours == NULL)
        {
          /* the claim layer at the same size, for the ratio */
          double *frame = g_new (double, 1);

          *frame = spawn_one ("layer", n, (guint) frames, "pan frame, claim layer (ms)");
          g_hash_table_insert (layer_snapshots, GUINT_TO_POINTER (n), frame);
          ours = frame;
        }
      if (theirs > 0 && *ours > 0)
        print_row ("pan frame: claim layer vs markers (ms)", n, *ours, -1, "", theirs);
    }

  g_print ("\nframes: %d per zoom (5, 7, 9) for the claim layer, %d for markers; %ux%u; "
           "ratio: the baseline's median over ours\n",
           frames, MAX (frames / 4, 5), WIDTH, HEIGHT);
  return EXIT_SUCCESS;
}
