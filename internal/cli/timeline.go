package cli

import (
	"bufio"

	"github.com/spf13/cobra"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/export"
)

var timelineFormats = []string{"text", export.FormatJSON, export.FormatCSV, export.FormatGeoJSON, export.FormatMarkdown}

func (m *Main) timelineCmd() *cobra.Command {
	var o sourceOptions
	cmd := &cobra.Command{
		Use:   "timeline [--db PATH | FILES...]",
		Short: "The events in date order, with each side's latest figures",
		Long: `List the events that the articles report, grouped across articles, in date
order, each with its places, parties, the latest figure each side gives
for each metric, the outlets that report it, and contradictions. --format
csv writes ACLED-like columns (event_date, event_type, country, admin1,
location, latitude, longitude, actor1, actor2, figures per side, sources,
notes); geojson writes the located events as map points.

Reads the stored claims of the database, or analyses the article FILES.`,
		RunE: func(cmd *cobra.Command, files []string) error {
			if err := o.check(cmd, files, timelineFormats); err != nil {
				return err
			}
			c, failed, err := m.comparison(cmd.Context(), o, files)
			if err != nil {
				return err
			}
			tl := c.Timeline(compare.Options{From: o.from, To: o.to})
			bw := bufio.NewWriter(m.Stdout)
			switch o.format {
			case export.FormatJSON:
				err = writeJSON(bw, tl)
			case export.FormatCSV:
				err = export.CSV(bw, tl)
			case export.FormatGeoJSON:
				err = export.GeoJSON(bw, tl)
			default:
				err = export.MarkdownTimeline(bw, tl)
			}
			if err != nil {
				return err
			}
			if err := bw.Flush(); err != nil {
				return err
			}
			if failed {
				return errReported
			}
			return nil
		},
	}
	o.register(cmd.Flags(), timelineFormats)
	return cmd
}
