package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/parallaxnews/parallax/entity"
	"github.com/parallaxnews/parallax/pipeline"
)

// configDir returns the folder of the user's own language resources:
// $PARALLAX_CONFIG, else the "parallax" folder of the user's configuration
// directory ($XDG_CONFIG_HOME/parallax or ~/.config/parallax on Linux).
func configDir() string {
	if d := os.Getenv("PARALLAX_CONFIG"); d != "" {
		return d
	}
	d, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "parallax")
}

// pipeline builds the analysis pipeline with the user's own resources from
// configDir: outlets.tsv (rows of the outlet registry, see
// entity/data/outlets.tsv) extends and overrides the embedded registry.
func (m *Main) pipeline(extra ...pipeline.Option) (*pipeline.Pipeline, error) {
	var opts []pipeline.Option
	if dir := configDir(); dir != "" {
		outlets, err := loadOutlets(filepath.Join(dir, "outlets.tsv"))
		if err != nil {
			return nil, err
		}
		if len(outlets) > 0 {
			opts = append(opts, pipeline.WithEntityOptions(entity.WithOutlets(outlets)))
		}
	}
	return pipeline.New(append(opts, extra...)...)
}

// loadOutlets reads an outlet registry file; a missing file is no error.
func loadOutlets(path string) ([]entity.Outlet, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading your outlet registry: %w", err)
	}
	defer f.Close()
	rows, err := entity.ParseOutlets(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return rows, nil
}
