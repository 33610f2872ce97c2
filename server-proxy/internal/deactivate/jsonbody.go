package deactivate

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// decodeJSONBody decodes exactly one JSON value from body into out. It
// rejects unknown fields and anything after the first value except
// whitespace, so a second JSON value or trailing garbage cannot slip past
// validation.
func decodeJSONBody(body io.Reader, out any) error {
	decoder := json.NewDecoder(body)
	decoder.DisallowUnknownFields()
	if err := decoder.Decode(out); err != nil {
		return err
	}

	var extra json.RawMessage
	err := decoder.Decode(&extra)
	if errors.Is(err, io.EOF) {
		return nil
	}

	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return err
	}

	return fmt.Errorf("the body must contain one JSON value and nothing after it")
}
