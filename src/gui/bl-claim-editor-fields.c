/* bl-claim-editor-fields.c — reading the typed fields of the claim editor
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fields people type in words, dates and figures, are read here as
 * they are typed: what was understood, or what is wrong, goes under the
 * field in words, and the field is marked when it is wrong. Loading a
 * claim writes its date and figure back as text the same reading gives
 * back unchanged.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-claim-editor-private.h"

/* The text of an entry, trimmed, or NULL when empty. */
char *
bl_claim_editor_entry_dup_text (gpointer editable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* Parses a date field and says what it understood under it. */
gboolean
bl_claim_editor_check_date (AdwEntryRow *row,
                            GtkLabel    *caption,
                            BlDate      *out)
{
  g_autofree char *text = bl_claim_editor_entry_dup_text (row);
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    {
      bl_date_init_unknown (out);
      bl_claim_editor_set_caption (caption, GTK_WIDGET (row), _("Not known"), FALSE);
      return TRUE;
    }

  if (!bl_date_parse_human (text, out, &error))
    {
      bl_claim_editor_set_caption (caption, GTK_WIDGET (row), error->message, TRUE);
      return FALSE;
    }
  else
    {
      g_autofree char *formatted = bl_date_format (out);
      g_autofree char *understood = g_strdup_printf (_("Understood as: %s"), formatted);

      bl_claim_editor_set_caption (caption, GTK_WIDGET (row), understood, FALSE);
      return TRUE;
    }
}

static char *
describe_range (double min,
                double max)
{
  g_autofree char *from = bl_quantity_format_number (min);

  if (isinf (max))
    return g_strdup_printf (_("from %s, no upper limit"), from);
  else
    {
      g_autofree char *to = bl_quantity_format_number (max);

      if (min == max)
        return g_strdup_printf (_("exactly %s"), from);
      return g_strdup_printf (_("from %s to %s"), from, to);
    }
}

/* Parses the figure; @out is left empty (no value, no text) when the
 * field is. Sets the range buttons from the default range unless the
 * analyst has set one. */
gboolean
bl_claim_editor_check_quantity (BlClaimEditor *self,
                                BlQuantity    *out)
{
  g_autofree char *text = bl_claim_editor_entry_dup_text (self->quantity_row);
  g_autoptr(GError) error = NULL;
  g_autofree char *formatted = NULL;
  g_autofree char *range = NULL;
  g_autofree char *understood = NULL;
  double min, max;

  if (text == NULL)
    {
      bl_claim_editor_set_caption (self->quantity_caption, GTK_WIDGET (self->quantity_row),
                                   _("No figure"), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->range_row), FALSE);
      return TRUE;
    }

  if (!bl_quantity_parse_human (text, out, &error))
    {
      bl_claim_editor_set_caption (self->quantity_caption, GTK_WIDGET (self->quantity_row),
                                   error->message, TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->range_row), FALSE);
      return FALSE;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->range_row), TRUE);
  if (out->unit == NULL)
    bl_quantity_set_unit (out, bl_claim_editor_get_topic_unit (self));

  if (adw_expander_row_get_enable_expansion (self->range_row))
    {
      double set_min = gtk_spin_button_get_value (self->range_min);
      double set_max = gtk_check_button_get_active (self->range_open)
                       ? INFINITY : gtk_spin_button_get_value (self->range_max);

      if (set_min > set_max)
        {
          bl_claim_editor_set_caption (self->quantity_caption, GTK_WIDGET (self->quantity_row),
                                       _("The lowest value of the range is above the highest."), TRUE);
          return FALSE;
        }
      bl_quantity_set_range (out, set_min, set_max);
    }
  else if (bl_quantity_get_range (out, &min, &max))
    {
      self->loading++;
      gtk_spin_button_set_value (self->range_min, min);
      gtk_check_button_set_active (self->range_open, isinf (max));
      gtk_spin_button_set_value (self->range_max, isinf (max) ? min : max);
      self->loading--;
    }

  if (!bl_quantity_validate (out, &error))
    {
      bl_claim_editor_set_caption (self->quantity_caption, GTK_WIDGET (self->quantity_row),
                                   error->message, TRUE);
      return FALSE;
    }

  formatted = bl_quantity_format (out);
  /* a vague phrase is written as its range already */
  if ((bl_quantity_qualifier_has_value (out->qualifier) || bl_quantity_has_explicit_range (out)) &&
      bl_quantity_get_range (out, &min, &max))
    range = describe_range (min, max);
  if (range != NULL && bl_quantity_has_explicit_range (out))
    /* Translators: the figure as understood, then the range set by the analyst */
    understood = g_strdup_printf (_("Understood as: %s — %s, as set below"), formatted, range);
  else if (range != NULL)
    /* Translators: the figure as understood, then the range it stands for */
    understood = g_strdup_printf (_("Understood as: %s — %s"), formatted, range);
  else
    understood = g_strdup_printf (_("Understood as: %s"), formatted);

  bl_claim_editor_set_caption (self->quantity_caption, GTK_WIDGET (self->quantity_row),
                               understood, FALSE);
  return TRUE;
}

/* A date as text the field reads back to the same date: the words, or
 * else the canonical form. */
char *
bl_claim_editor_editable_date (const BlDate *date)
{
  g_autofree char *words = NULL;
  BlDate back;

  if (bl_date_is_unknown (date))
    return NULL;

  words = bl_date_format (date);
  if (bl_date_parse_human (words, &back, NULL) && bl_date_equal (&back, date))
    return g_steal_pointer (&words);
  return bl_date_to_string (date);
}

static gboolean
same_figure (const BlQuantity *a,
             const BlQuantity *b)
{
  return a->qualifier == b->qualifier &&
         ((isnan (a->value) && isnan (b->value)) || a->value == b->value) &&
         (a->qualifier != BL_QUANTITY_RANGE || (a->min == b->min && a->max == b->max));
}

/* A figure as text the field reads back to the same figure: the text as
 * given, or else the canonical form. */
char *
bl_claim_editor_editable_quantity (const BlQuantity *quantity)
{
  g_auto(BlQuantity) back = BL_QUANTITY_INIT;

  if (quantity->text != NULL && bl_quantity_parse_human (quantity->text, &back, NULL) &&
      same_figure (&back, quantity))
    return g_strdup (quantity->text);
  return bl_quantity_to_string (quantity);
}
