package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

// secretHeader carries the secret shared by the sandbox and this host. Every
// request between the two carries it, so a browser page on the same machine
// can neither call the control routes nor reach this host directly.
const secretHeader = "X-Sandbox-Secret"

// controlClient calls the sandbox's control routes under /__sandbox/, which
// read and change the emulator's store directly.
type controlClient struct {
	baseURL string
	secret  string
	http    *http.Client
}

func newControlClient(baseURL, secret string) *controlClient {
	return &controlClient{baseURL: baseURL, secret: secret, http: &http.Client{Timeout: 10 * time.Second}}
}

// call sends one request and decodes a 2xx JSON reply into out. Any other
// status becomes an AppError with the status and the body's message.
func (c *controlClient) call(method, path string, body, out any) *model.AppError {
	var reader io.Reader
	if body != nil {
		encoded, err := json.Marshal(body)
		if err != nil {
			return controlError(method, path, http.StatusInternalServerError, err.Error())
		}
		reader = bytes.NewReader(encoded)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	request, err := http.NewRequestWithContext(ctx, method, c.baseURL+path, reader)
	if err != nil {
		return controlError(method, path, http.StatusInternalServerError, err.Error())
	}
	request.Header.Set(secretHeader, c.secret)
	request.Header.Set("Content-Type", "application/json")

	response, err := c.http.Do(request)
	if err != nil {
		return controlError(method, path, http.StatusServiceUnavailable, err.Error())
	}
	defer response.Body.Close()

	payload, err := io.ReadAll(io.LimitReader(response.Body, 8<<20))
	if err != nil {
		return controlError(method, path, http.StatusBadGateway, err.Error())
	}

	if response.StatusCode < 200 || response.StatusCode > 299 {
		var failure struct {
			ID      string `json:"id"`
			Message string `json:"message"`
		}
		_ = json.Unmarshal(payload, &failure)
		if failure.ID != "" {
			return model.NewAppError("SandboxHost", failure.ID, nil, failure.Message, response.StatusCode)
		}
		return controlError(method, path, response.StatusCode, string(payload))
	}

	if out == nil {
		return nil
	}
	if err := json.Unmarshal(payload, out); err != nil {
		return controlError(method, path, http.StatusBadGateway, "invalid JSON reply: "+err.Error())
	}

	return nil
}

func controlError(method, path string, status int, detail string) *model.AppError {
	return model.NewAppError("SandboxHost", "sandbox.control.request_failed.app_error", nil,
		fmt.Sprintf("%s %s: %s", method, path, detail), status)
}
