package perceptron

// Step returns the model's quantisation step: Score's values are ScoreInt's times Step
// (each computed as float32(ScoreInt) * Step), so that a caller which sums ScoreInt parts
// itself (e.g. from a cache) can rebuild exactly the scores Score would give.
func (m *Model) Step() float32 { return m.scale }
