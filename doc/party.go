package doc

import "encoding/json"

// Party is a side of a conflict: an ISO 3166-1 alpha-2 code for a state
// ("KG", "TJ"), another agreed code for a non-state party, or "" when unknown.
// The empty party is encoded in JSON as null.
type Party string

// MarshalJSON encodes the empty party as null.
func (p Party) MarshalJSON() ([]byte, error) {
	if p == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(p))
}

// UnmarshalJSON decodes null as the empty party.
func (p *Party) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*p = ""
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*p = Party(s)
	return nil
}
