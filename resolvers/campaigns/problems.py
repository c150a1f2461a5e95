"""User errors of campaign mutations, in English and Vietnamese."""

from __future__ import annotations

from typing import Any

from models.problems import Problem
from models.text import clean_text

MAX_NAME_LENGTH = 100


def check_name(name: str, field: str = "input.name") -> tuple[str, list[Problem]]:
    """Return the trimmed, collapsed name and the problems that reject it."""
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in name):
        return name, [
            Problem(
                field,
                "INVALID_VALUE",
                "The name contains invalid Unicode.",
                "Tên chứa ký tự Unicode không hợp lệ.",
            )
        ]
    cleaned = clean_text(name)
    if not cleaned:
        return cleaned, [
            Problem(
                field,
                "INVALID_VALUE",
                "The campaign name is empty; enter a name.",
                "Tên chiến dịch đang trống; hãy nhập tên.",
            )
        ]
    if len(cleaned) > MAX_NAME_LENGTH:
        return cleaned, [
            Problem(
                field,
                "LIMIT_EXCEEDED",
                f"The campaign name is {len(cleaned)} characters long; "
                f"at most {MAX_NAME_LENGTH} are allowed.",
                f"Tên chiến dịch dài {len(cleaned)} ký tự; tối đa {MAX_NAME_LENGTH} ký tự.",
            )
        ]
    return cleaned, []


def already_run(campaign: dict[str, Any]) -> Problem:
    campaign_id = str(campaign["_id"])
    status = campaign["status"]
    return Problem(
        "id",
        "ALREADY_RUN",
        f"Campaign {campaign_id} has already run (status {status}); a campaign runs once, so its "
        "audience never changes. Create a new campaign to reach the segment again.",
        f"Chiến dịch {campaign_id} đã chạy (trạng thái {status}); mỗi chiến dịch chỉ chạy một lần "
        "để danh sách người nhận không bao giờ thay đổi. "
        "Hãy tạo chiến dịch mới để gửi lại cho phân khúc.",
    )


def segment_deleted(campaign: dict[str, Any]) -> Problem:
    name = campaign["segmentName"]
    segment_id = campaign["segmentId"]
    return Problem(
        "id",
        "NOT_FOUND",
        f"The segment {name!r} (id {segment_id}) of this campaign was deleted, so the campaign "
        "cannot run; create a campaign on another segment.",
        f"Phân khúc {name!r} (mã {segment_id}) của chiến dịch này đã bị xóa nên chiến dịch không "
        "thể chạy; hãy tạo chiến dịch với phân khúc khác.",
    )


def invalid_rule(problem: Problem) -> Problem:
    """Wrap a problem of the segment's stored rule, which the caller cannot fix in this call."""
    return Problem(
        "id",
        problem.code,
        f"The campaign's segment cannot be evaluated: {problem.en} "
        "Fix the segment, then run again.",
        f"Không thể tính phân khúc của chiến dịch: {problem.vi} Hãy sửa phân khúc rồi chạy lại.",
    )


def run_failed(written: int, request_id: str) -> Problem:
    return Problem(
        "id",
        "RUN_FAILED",
        f"The run failed after writing {written} recipients, which are discarded; the campaign is "
        f"FAILED and may be run again. The server log has the cause under request id {request_id}.",
        f"Lần chạy bị lỗi sau khi ghi {written} người nhận, các bản ghi này bị hủy; chiến dịch ở "
        f"trạng thái FAILED và có thể chạy lại. Nhật ký máy chủ ghi nguyên nhân theo mã yêu cầu "
        f"{request_id}.",
    )
