package attribution

import "github.com/parallaxnews/parallax/attribution/internal/tagger"

// SetCueBias sets the bias of the cue-start tag, for choosing the value
// that attribution/internal/train writes.
func SetCueBias(an *Annotator, b float32) { an.model.Cue.Bias[tagger.CueB] = b }
