// Package models holds the trained weights faultline embeds in its binary, one file per
// model, each with a model card (<name>.md) giving its training data, licence, scores and
// the command that retrains it. Empty weights mean the model has not been trained yet.
package models
