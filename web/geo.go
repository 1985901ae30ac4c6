package web

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

//go:generate sh internal/mapgen/generate.sh

// world is the embedded country geometry (geo/countries.txt), in
// hundredths of a degree.
type world struct {
	countries []country
	byCode    map[string]int
}

type country struct {
	code, name string
	minX, minY int32
	maxX, maxY int32
	polys      [][][]int32 // polygons → rings → x0,y0,x1,y1,...
}

// parseWorld reads the geometry format written by web/internal/mapgen.
func parseWorld(src string) (*world, error) {
	w := &world{byCode: map[string]int{}}
	for n, line := range strings.Split(src, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.SplitN(line, "\t", 3)
		if len(f) != 3 {
			return nil, fmt.Errorf("line %d: want CODE, NAME and polygons", n+1)
		}
		c := country{code: f[0], name: f[1], minX: math.MaxInt32, minY: math.MaxInt32, maxX: math.MinInt32, maxY: math.MinInt32}
		for _, poly := range strings.Split(f[2], "|") {
			var rings [][]int32
			for _, ring := range strings.Split(poly, ";") {
				pts := strings.Fields(ring)
				r := make([]int32, 0, 2*len(pts))
				for _, p := range pts {
					xs, ys, ok := strings.Cut(p, ",")
					x, err1 := strconv.Atoi(xs)
					y, err2 := strconv.Atoi(ys)
					if !ok || err1 != nil || err2 != nil {
						return nil, fmt.Errorf("line %d: bad point %q", n+1, p)
					}
					r = append(r, int32(x), int32(y))
					c.minX, c.maxX = min(c.minX, int32(x)), max(c.maxX, int32(x))
					c.minY, c.maxY = min(c.minY, int32(y)), max(c.maxY, int32(y))
				}
				rings = append(rings, r)
			}
			c.polys = append(c.polys, rings)
		}
		if c.code != "" && c.code[0] != '-' {
			w.byCode[c.code] = len(w.countries)
		}
		w.countries = append(w.countries, c)
	}
	if len(w.countries) == 0 {
		return nil, errors.New("no countries")
	}
	return w, nil
}

// mapPoint is a place drawn on the map.
type mapPoint struct {
	Lat, Lon float64
	Label    string
	Detail   string // hover text
	Weight   int    // e.g. how many documents or events name it
	Event    bool   // an event took place there
	Href     string // where the point links to (a path on this server), if anywhere
}

// svg draws points over the countries around them. Countries whose codes
// are in focus are shaded; the view frames the points, or the focus
// countries when there are no points, or the world.
func (w *world) svg(b *strings.Builder, mapWidth float64, points []mapPoint, focus []string) {
	// The frame, in degrees.
	minLon, minLat, maxLon, maxLat := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	grow := func(lon, lat float64) {
		minLon, maxLon = math.Min(minLon, lon), math.Max(maxLon, lon)
		minLat, maxLat = math.Min(minLat, lat), math.Max(maxLat, lat)
	}
	for _, p := range points {
		if validLatLon(p.Lat, p.Lon) {
			grow(p.Lon, p.Lat)
		}
	}
	focused := map[string]bool{}
	for _, code := range focus {
		focused[code] = true
	}
	if math.IsInf(minLon, 1) {
		for _, code := range focus {
			if i, ok := w.byCode[code]; ok {
				c := &w.countries[i]
				grow(float64(c.minX)/100, float64(c.minY)/100)
				grow(float64(c.maxX)/100, float64(c.maxY)/100)
			}
		}
	}
	if math.IsInf(minLon, 1) || maxLon-minLon > 300 {
		minLon, minLat, maxLon, maxLat = -180, -60, 180, 84
	}
	// Pad, keep a sensible minimum extent, and fit the frame to the map's
	// proportions (height = aspect × width).
	const aspect = 0.62
	padLon, padLat := math.Max((maxLon-minLon)*0.15, 2), math.Max((maxLat-minLat)*0.15, 1.5)
	minLon, maxLon, minLat, maxLat = minLon-padLon, maxLon+padLon, minLat-padLat, maxLat+padLat
	if d := 12 - (maxLon - minLon); d > 0 {
		minLon, maxLon = minLon-d/2, maxLon+d/2
	}
	kx := math.Cos((minLat + maxLat) / 2 * math.Pi / 180) // equirectangular at the mid latitude
	if wantLat := (maxLon - minLon) * kx * aspect; wantLat > maxLat-minLat {
		d := wantLat - (maxLat - minLat)
		minLat, maxLat = minLat-d/2, maxLat+d/2
	} else {
		d := (maxLat-minLat)/(kx*aspect) - (maxLon - minLon)
		minLon, maxLon = minLon-d/2, maxLon+d/2
	}
	maxLat, minLat = math.Min(maxLat, 85), math.Max(minLat, -85)
	scale := mapWidth / ((maxLon - minLon) * kx)
	height := math.Round((maxLat - minLat) * scale)
	project := func(lon, lat float64) (float64, float64) {
		return (lon - minLon) * kx * scale, (maxLat - lat) * scale
	}
	fmt.Fprintf(b, `<svg class="map" viewBox="0 0 %d %d" role="img" aria-label="Map" xmlns="http://www.w3.org/2000/svg">`, int(mapWidth), int(height))
	b.WriteString(`<rect class="sea" x="0" y="0" width="100%" height="100%"/>`)
	viewMinX, viewMaxX := int32((minLon-1)*100), int32((maxLon+1)*100)
	viewMinY, viewMaxY := int32((minLat-1)*100), int32((maxLat+1)*100)
	var labels []int
	for i := range w.countries {
		c := &w.countries[i]
		if c.maxX < viewMinX || c.minX > viewMaxX || c.maxY < viewMinY || c.minY > viewMaxY {
			continue
		}
		class := "land"
		if focused[c.code] {
			class = "land focus"
		}
		b.WriteString(`<path class="`)
		b.WriteString(class)
		b.WriteString(`" d="`)
		for _, poly := range c.polys {
			for _, ring := range poly {
				lastX, lastY := math.NaN(), math.NaN()
				n := 0
				for j := 0; j+1 < len(ring); j += 2 {
					x, y := project(float64(ring[j])/100, float64(ring[j+1])/100)
					x, y = math.Round(x*10)/10, math.Round(y*10)/10
					if x == lastX && y == lastY {
						continue
					}
					if n == 0 {
						b.WriteByte('M')
					} else {
						b.WriteByte('L')
					}
					b.WriteString(strconv.FormatFloat(x, 'f', -1, 64))
					b.WriteByte(' ')
					b.WriteString(strconv.FormatFloat(y, 'f', -1, 64))
					lastX, lastY = x, y
					n++
				}
				if n > 0 {
					b.WriteByte('Z')
				}
			}
		}
		b.WriteString(`"><title>`)
		escapeText(b, c.name)
		b.WriteString(`</title></path>`)
		if focused[c.code] {
			labels = append(labels, i)
		}
	}
	for _, i := range labels { // country names at the centre of their box
		c := &w.countries[i]
		// The centre of the part of its box in view.
		x0, x1 := math.Max(float64(c.minX)/100, minLon), math.Min(float64(c.maxX)/100, maxLon)
		y0, y1 := math.Max(float64(c.minY)/100, minLat), math.Min(float64(c.maxY)/100, maxLat)
		x, y := project((x0+x1)/2, (y0+y1)/2)
		fmt.Fprintf(b, `<text class="country-label" x="%.1f" y="%.1f">`, x, y)
		escapeText(b, c.name)
		b.WriteString(`</text>`)
	}
	pts := append([]mapPoint(nil), points...)
	sort.SliceStable(pts, func(i, j int) bool { return pts[i].Weight > pts[j].Weight })
	for _, p := range pts {
		if !validLatLon(p.Lat, p.Lon) {
			continue
		}
		x, y := project(p.Lon, p.Lat)
		r := 4 + math.Min(float64(p.Weight), 8)
		class := "place"
		if p.Event {
			class = "place event"
		}
		link := strings.HasPrefix(p.Href, "/") && !strings.HasPrefix(p.Href, "//") // this server's paths only
		if link {
			b.WriteString(`<a href="`)
			escapeText(b, p.Href)
			b.WriteString(`">`)
		}
		fmt.Fprintf(b, `<g class="%s"><circle cx="%.1f" cy="%.1f" r="%.1f"/><text x="%.1f" y="%.1f">`, class, x, y, r, x+r+3, y+4)
		escapeText(b, p.Label)
		b.WriteString(`</text><title>`)
		escapeText(b, p.Detail)
		b.WriteString(`</title></g>`)
		if link {
			b.WriteString(`</a>`)
		}
	}
	b.WriteString(`</svg>`)
}

func validLatLon(lat, lon float64) bool {
	return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 && !(lat == 0 && lon == 0)
}
