package deactivate

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
)

// commandVectors is testdata/command-vectors.json, shared with the web app.
type commandVectors struct {
	Fixture vectorFixture `json:"fixture"`
	Vectors []vectorCase  `json:"vectors"`
}

type vectorFixture struct {
	CallerID               string         `json:"caller_id"`
	CallerPermissions      []string       `json:"caller_permissions"`
	EnableUserDeactivation bool           `json:"enable_user_deactivation"`
	ProtectedUsernames     []string       `json:"protected_usernames"`
	Users                  []vectorUser   `json:"users"`
	Plugins                []vectorPlugin `json:"plugins"`
}

type vectorUser struct {
	ID          string `json:"id"`
	Username    string `json:"username"`
	Email       string `json:"email"`
	Roles       string `json:"roles"`
	DeleteAt    int64  `json:"delete_at"`
	IsBot       bool   `json:"is_bot"`
	AuthService string `json:"auth_service"`
}

type vectorPlugin struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Enabled bool   `json:"enabled"`
}

type vectorCase struct {
	Name      string          `json:"name"`
	Line      string          `json:"line"`
	IsCommand *bool           `json:"is_command"`
	Parse     json.RawMessage `json:"parse"`
	Plan      []vectorItem    `json:"plan"`
	Overrides *struct {
		CallerID               *string   `json:"caller_id"`
		CallerPermissions      *[]string `json:"caller_permissions"`
		EnableUserDeactivation *bool     `json:"enable_user_deactivation"`
		ProtectedUsernames     *[]string `json:"protected_usernames"`
	} `json:"fixture_overrides"`
}

type vectorItem struct {
	Target   string   `json:"target"`
	Class    string   `json:"class"`
	ID       string   `json:"id,omitempty"`
	Warnings []string `json:"warnings"`
}

func loadVectors(t *testing.T) commandVectors {
	t.Helper()

	raw, err := os.ReadFile("../../../testdata/command-vectors.json")
	if err != nil {
		t.Fatalf("failed to read the shared vectors: %v", err)
	}

	var vectors commandVectors
	if err := json.Unmarshal(raw, &vectors); err != nil {
		t.Fatalf("failed to decode the shared vectors: %v", err)
	}
	if len(vectors.Vectors) == 0 {
		t.Fatal("the shared vectors file holds no vectors")
	}

	return vectors
}

func TestCommandVectorsParse(t *testing.T) {
	for _, vector := range loadVectors(t).Vectors {
		t.Run(vector.Name, func(t *testing.T) {
			parsed, ok := parseCommand(vector.Line)

			if vector.IsCommand != nil && !*vector.IsCommand {
				if ok {
					t.Fatalf("line %q parsed as a command: %+v", vector.Line, parsed)
				}
				return
			}
			if !ok {
				t.Fatalf("line %q is not recognised as a command", vector.Line)
			}

			var want ParsedCommand
			if err := json.Unmarshal(vector.Parse, &want); err != nil {
				t.Fatalf("failed to decode the expected parse: %v", err)
			}
			if !reflect.DeepEqual(parsed, want) {
				got, _ := json.Marshal(parsed)
				t.Errorf("parse of %q\n got: %s\nwant: %s", vector.Line, got, vector.Parse)
			}
		})
	}
}

func TestCommandVectorsPlan(t *testing.T) {
	vectors := loadVectors(t)

	for _, vector := range vectors.Vectors {
		if vector.Plan == nil {
			continue
		}

		t.Run(vector.Name, func(t *testing.T) {
			fixture := applyOverrides(vectors.Fixture, vector)
			parsed, _ := parseCommand(vector.Line)

			got := toVectorItems(planFromFixture(fixture, parsed))
			if !reflect.DeepEqual(got, vector.Plan) {
				gotJSON, _ := json.Marshal(got)
				wantJSON, _ := json.Marshal(vector.Plan)
				t.Errorf("plan of %q\n got: %s\nwant: %s", vector.Line, gotJSON, wantJSON)
			}
		})
	}
}

func applyOverrides(fixture vectorFixture, vector vectorCase) vectorFixture {
	if vector.Overrides == nil {
		return fixture
	}

	if vector.Overrides.CallerID != nil {
		fixture.CallerID = *vector.Overrides.CallerID
	}
	if vector.Overrides.CallerPermissions != nil {
		fixture.CallerPermissions = *vector.Overrides.CallerPermissions
	}
	if vector.Overrides.EnableUserDeactivation != nil {
		fixture.EnableUserDeactivation = *vector.Overrides.EnableUserDeactivation
	}
	if vector.Overrides.ProtectedUsernames != nil {
		fixture.ProtectedUsernames = *vector.Overrides.ProtectedUsernames
	}

	return fixture
}

func (u vectorUser) toModel() *model.User {
	return &model.User{
		Id: u.ID, Username: u.Username, Email: u.Email, Roles: u.Roles,
		DeleteAt: u.DeleteAt, IsBot: u.IsBot, AuthService: u.AuthService,
	}
}

// planFromFixture resolves targets against the fixture with the lookup
// rules the vectors state, then runs the same planning code as the plugin.
func planFromFixture(fixture vectorFixture, parsed ParsedCommand) []PlanItem {
	if parsed.Command == commandPlugins {
		var active, inactive []*model.PluginInfo
		for _, plugin := range fixture.Plugins {
			info := &model.PluginInfo{Manifest: model.Manifest{Id: plugin.ID, Name: plugin.Name}}
			if plugin.Enabled {
				active = append(active, info)
			} else {
				inactive = append(inactive, info)
			}
		}
		return planPlugins(parsed, active, inactive)
	}

	users := make([]*model.User, 0, len(fixture.Users))
	var caller *model.User
	var activeAdmins []string
	for _, user := range fixture.Users {
		users = append(users, user.toModel())
		if user.ID == fixture.CallerID {
			caller = users[len(users)-1]
		}
		if user.DeleteAt == 0 && slices.Contains(strings.Fields(user.Roles), "system_admin") {
			activeAdmins = append(activeAdmins, user.ID)
		}
	}

	resolved := make([]*model.User, len(parsed.Targets))
	for i, target := range parsed.Targets {
		resolved[i] = findFixtureUser(users, caller, target)
	}

	ctx := userPlanContext{
		Caller:                 caller,
		CallerManagesSystem:    slices.Contains(fixture.CallerPermissions, "manage_system"),
		EnableUserDeactivation: fixture.EnableUserDeactivation,
		Flags:                  parsed.Flags,
		ActiveAdminIDs:         activeAdmins,
		Protected:              panelSettings{ProtectedUsernames: fixture.ProtectedUsernames}.protectedSet(),
	}

	return planUsers(parsed.Targets, resolved, ctx)
}

func findFixtureUser(users []*model.User, caller *model.User, target Target) *model.User {
	if target.Kind == targetMe {
		return caller
	}

	for _, user := range users {
		switch target.Kind {
		case targetEmail:
			if strings.EqualFold(user.Email, target.Value) {
				return user
			}
		case targetID:
			if user.Id == target.Value {
				return user
			}
		case targetUsername:
			if user.Username == target.Value {
				return user
			}
		}
	}

	if target.Kind == targetID {
		return findFixtureUser(users, caller, Target{Kind: targetUsername, Value: target.Value})
	}

	return nil
}

func toVectorItems(items []PlanItem) []vectorItem {
	out := make([]vectorItem, 0, len(items))
	for _, item := range items {
		id := item.UserID
		if item.PluginID != "" {
			id = item.PluginID
		}

		warnings := item.Warnings
		if warnings == nil {
			warnings = []string{}
		}

		out = append(out, vectorItem{Target: item.Raw, Class: item.Class, ID: id, Warnings: warnings})
	}

	return out
}
