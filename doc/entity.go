package doc

// Entity kinds.
const (
	KindPerson       = "person"
	KindOrganization = "organization"
	KindOutlet       = "outlet"
	KindPlace        = "place"
	KindCountry      = "country"
	KindGroup        = "group"
)

// Entity is one person, organisation, outlet, place, country or group of a
// document, with every mention of it however it is spelled.
type Entity struct {
	ID       string    `json:"id"`
	Kind     string    `json:"kind"`
	Name     string    `json:"name"`
	Aliases  []string  `json:"aliases"`
	Role     string    `json:"role,omitempty"`
	Side     Party     `json:"side"`
	Geo      *Geo      `json:"geo,omitempty"`
	Mentions []Mention `json:"mentions"`
}

// Geo places an entity on the map.
type Geo struct {
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	Country string  `json:"country,omitempty"`
	Admin1  string  `json:"admin1,omitempty"`
}
